extension BikramSambatCalendar {
    /// The table that comes with the console (Resources/bs-calendar.txt, BS 2000 to 2083),
    /// compiled in rather than read from a resource bundle: SwiftPM's `Bundle.module` stops
    /// the program when the bundle is not beside the binary, as when a shop copies the
    /// binary alone. A shop with a newer published calendar loads its own file instead
    /// (`load(path:)`, `bs_calendar = PATH` in the config).
    public static let shipped: BikramSambatCalendar = {
        do {
            return try BikramSambatCalendar(tableText: shippedTableText)
        } catch {
            // Not reachable from any input: the tests read this very text and check it.
            preconditionFailure("The compiled-in Bikram Sambat table is invalid: \(error)")
        }
    }()
}

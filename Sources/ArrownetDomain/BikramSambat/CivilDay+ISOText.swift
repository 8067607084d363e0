extension CivilDay {
    /// `2026-12-01`, written by hand so that it never depends on a locale or loads ICU.
    public var isoText: String {
        "\(BSDate.padded(Int(year), 4))-\(BSDate.padded(month, 2))-\(BSDate.padded(day, 2))"
    }

    /// Reads `2026-12-01`; nil for anything else, a day the month lacks included.
    public init?(isoText: String) {
        guard let (year, month, day) = ISODateText.fields(of: isoText), (1...12).contains(month),
            (1...CivilDay.length(ofMonth: month, in: Int64(year))).contains(day)
        else { return nil }
        self.init(year: Int64(year), month: month, day: day)
    }
}

import Foundation

/// The pulse that opens a cash drawer wired to the printer's drawer port (RJ-11/12):
/// the printer drives a solenoid for a moment, and the drawer springs open.
public struct DrawerPulse: Hashable, Sendable {
    public enum Pin: UInt8, Hashable, Sendable {
        /// Connector pin 2: where a single drawer is wired.
        case two = 0
        /// Connector pin 5: a second drawer, on printers that have one.
        case five = 1
    }

    public let pin: Pin
    /// How long the solenoid is driven, and how long it rests after, in units of 2 ms.
    public let onUnits: UInt8
    public let offUnits: UInt8

    public init(pin: Pin = .two, onUnits: UInt8 = 50, offUnits: UInt8 = 50) {
        self.pin = pin
        self.onUnits = onUnits
        // The printer waits at least as long as it drove the solenoid (ESC p reference).
        self.offUnits = max(offUnits, onUnits)
    }

    /// 100 ms on pin 2, then 100 ms off: what drawers' makers and python-escpos send.
    public static let standard = DrawerPulse()

    public var bytes: [UInt8] { EscposCommands.pulse(pin: pin.rawValue, onUnits: onUnits, offUnits: offUnits) }
}

/// The `drawer` setting: a drawer that opens with a pulse from the printer, or none.
public enum DrawerSetting: Hashable, Sendable {
    case none
    case kick(DrawerPulse)

    /// `kick` or `none` (any case); anything else is refused with a sentence.
    public init(setting: String) throws(PrinterSettingError) {
        switch setting.trimmingCharacters(in: .whitespaces).lowercased() {
        case "kick": self = .kick(.standard)
        case "none": self = .none
        default: throw PrinterSettingError("drawer = \(setting) is not known; write drawer = kick or drawer = none.")
        }
    }

    var pulse: DrawerPulse? {
        if case .kick(let pulse) = self { return pulse }
        return nil
    }
}

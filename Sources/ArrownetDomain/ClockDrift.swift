import Foundation

/// How far a counter's clock may be from the journal's before the counter says so (in
/// the console's header and in `arrownet check`), and the words it says it in. Times that
/// order money are the journal's own, so a drifting clock loses no money; it shows the
/// clerk times that disagree with other counters' receipts, which is worth fixing.
public enum ClockDrift {
    /// More than two minutes apart, and the clock is off.
    public static let tolerance: TimeInterval = 120

    /// `drift`: seconds the counter's clock is ahead of the journal's (negative: behind).
    public static func isOff(_ drift: TimeInterval) -> Bool {
        abs(drift) > tolerance
    }

    /// For the header: `CLOCK 5 min behind`; nil while within the tolerance.
    public static func headerText(_ drift: TimeInterval) -> String? {
        guard isOff(drift) else { return nil }
        return "CLOCK \(duration(abs(drift), short: true)) \(drift >= 0 ? "ahead" : "behind")"
    }

    /// `45 s`, `5 min`, `2 min 5 s` (`short`: whole minutes only).
    public static func duration(_ seconds: TimeInterval, short: Bool = false) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if short || whole % 60 == 0 { return "\(whole / 60) min" }
        return "\(whole / 60) min \(whole % 60) s"
    }
}

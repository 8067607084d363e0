import ArrownetDomain
import Foundation
import PaymentDesk
import PaymentJournal

/// How far this counter's clock is from the journal's, for `check` (the console's header
/// says the same through `PaymentDesk.clockDrift`), with `ClockDrift`'s tolerance.
struct JournalClockCheck: Sendable, Hashable {
    /// Seconds this counter's clock is ahead of the journal's (negative: behind); nil when
    /// it could not be measured (`problem` says why).
    let drift: TimeInterval?
    let problem: String?

    var isOff: Bool { drift.map(ClockDrift.isOff) ?? false }

    /// On SQLite the journal's clock is this machine's, so the difference is zero by
    /// construction and nothing is opened; on the shared journal the server is asked.
    static func measure(
        journalURL: String?, clock: @escaping @Sendable () -> Date = DeskHooks.clockFromEnvironment()
    ) async -> JournalClockCheck {
        guard journalURL != nil else { return JournalClockCheck(drift: clock().timeIntervalSince(Date()), problem: nil) }
        do {
            let store = try await JournalAccess.openStore(journalURL: journalURL)
            let measured = await measure(store, clock: clock)
            await store.close()
            return measured
        } catch {
            return JournalClockCheck(drift: nil, problem: "the journal could not be opened")
        }
    }

    static func measure(_ store: any JournalStore, clock: @escaping @Sendable () -> Date) async -> JournalClockCheck {
        let before = clock()
        do {
            let journal = try await store.journalTime()
            // The journal's time was read somewhere between the two local readings.
            let local = before.addingTimeInterval(clock().timeIntervalSince(before) / 2)
            return JournalClockCheck(drift: local.timeIntervalSince(journal), problem: nil)
        } catch {
            return JournalClockCheck(drift: nil, problem: error.description)
        }
    }

    /// One line for `check`.
    var sentence: String {
        guard let drift else { return "Clock: not compared with the journal's (\(problem ?? "unknown"))." }
        let apart = ClockDrift.duration(abs(drift)) + (drift >= 0 ? " ahead of" : " behind")
        if isOff {
            return "CLOCK OFF: this counter's clock is \(apart) the journal's. Set this machine's clock right (NTP): "
                + "the times it writes on payments and shifts come from it (\"paid since you looked\" does not: it is the journal's order)."
        }
        return "Clock: within 2 minutes of the journal's (\(ClockDrift.duration(abs(drift))) apart)."
    }
}

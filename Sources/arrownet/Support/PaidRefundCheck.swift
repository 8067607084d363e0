import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// Looks up payments the journal has as paid, to catch one Khalti refunded afterwards:
/// such a payment is recorded and flagged for a person (`PaymentDesk.notePaidLookup`;
/// its state stays paid until a person settles it with `arrownet resolve`), and shows in
/// `history --attention`. `reconcile --now` checks today's paid payments;
/// `reconcile --paid-since DATE` those since DATE.
struct PaidRefundCheck {
    let desk: PaymentDesk
    let store: any JournalStore

    struct Report {
        var checked = 0
        var flagged: [PaymentSummary] = []
        var failures: [(payment: PaymentRecord, problem: String, kind: ErrorKind)] = []
    }

    /// Paid payments of this desk's Khalti taken since `since`, not already flagged,
    /// looked up in bulk calls (what a bulk answer leaves out, one by one).
    func run(since: Date) async throws -> Report {
        let paid = try await journalCall {
            try await store.history(HistoryFilter(since: since, states: [.paid], khaltiEnvironment: desk.khaltiEnvironment))
        // Another account's payments are unknown to this token: its "unknown" proves nothing.
        }.filter { $0.attention == nil && desk.isOwnAccount($0) }
        var report = Report()
        report.checked = paid.count
        let limit = desk.rules.bulkLookupLimit
        for start in stride(from: 0, to: paid.count, by: limit) {
            let chunk = Array(paid[start..<min(start + limit, paid.count)])
            let answers = await lookUp(chunk.map(\.reference))
            for payment in chunk {
                switch answers[payment.reference] {
                case .success(let answer)?:
                    if let flagged = try await journalCall({ try await desk.notePaidLookup(answer, of: payment.reference) }) {
                        report.flagged.append(flagged)
                    }
                case .failure(let error)?:
                    report.failures.append((payment, error.description, error.kind))
                case nil:
                    report.failures.append((payment, "Khalti's answer left this reference out.", .unavailable))
                }
            }
        }
        return report
    }

    private func lookUp(_ references: [PaymentReference]) async -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        var results: [PaymentReference: Result<LookupAnswer, KhaltiError>] = [:]
        var missing = references
        if references.count > 1 {
            do {
                results = try await desk.gateway.lookUpMany(references)
                missing = references.filter { results[$0] == nil }
            } catch {
                // Khalti is down for the bulk call: each would fail the same way, slowly.
                for reference in references { results[reference] = .failure(error) }
                missing = []
            }
        }
        for reference in missing {
            do {
                results[reference] = .success(try await desk.gateway.lookUp(reference))
            } catch {
                results[reference] = .failure(error)
            }
        }
        return results
    }
}

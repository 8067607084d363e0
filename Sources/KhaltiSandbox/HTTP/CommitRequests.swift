import Synchronization

/// Every commit request that reached the sandbox, by reference, counted at the HTTP
/// layer before anything judges it: a resend that the ledger refuses (1013) or that a
/// fault drops still counts. A ledger that cannot hold a duplicate cannot show a
/// resend; this can, so a test proves "sent at most once" here.
final class CommitRequests: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func add(_ reference: String) {
        counts.withLock { $0[reference, default: 0] += 1 }
    }

    var byReference: [String: Int] { counts.withLock { $0 } }
}

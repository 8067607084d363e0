import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// `arrownet status REFERENCE`: what the journal recorded, and what Khalti says now.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a payment's journal record and history, and look it up at Khalti now (support).",
        discussion: """
            The live lookup of a held payment is shown, not recorded: `arrownet reconcile --now` records it. \
            A paid payment that Khalti has since refunded is recorded at once and flagged for a person \
            (history --attention lists it; arrownet resolve settles it). Times are Nepal time (NPT). \
            Exit codes: 0 the journal has the payment; 3 it does not (Khalti's answer is still shown); \
            4 token or account problem; 5 the live lookup failed; 11 journal unreadable; 64 usage error \
            (a reference is ARN and 26 letters and digits, any case).
            """
    )

    @Argument(help: "The payment reference (ARN and 26 letters and digits, any case).")
    var reference: String

    @Flag(name: .long, help: "Print one JSON object; the banner goes to standard error.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let reference = try ReferenceArgument.parse(self.reference)
        let session = try await KhaltiSession.open(connection)
        let time = NepalTime(session.settings)
        (json ? Terminal.standardError : Terminal.standardOutput).write(session.banner + "\n")
        let (record, events, live) = try await session.run { session in
            try await withJournal { store in
                var record = try await journalCall { try await store.payment(reference) }
                let live: LiveLookup
                if let found = record, found.khaltiEnvironment != session.khalti.journalKey {
                    live = .elsewhere(found.khaltiEnvironment)
                } else if let account = record?.khaltiAccount, account != session.api.accountFingerprint(in: session.khalti.journalKey) {
                    // Khalti would answer "unknown reference" to this token: not asked.
                    live = .otherAccount(account)
                } else {
                    live = await LiveLookup.ask(session.api, reference)
                }
                // A paid payment Khalti has since refunded is recorded and flagged for a person.
                if case .answered(let answer) = live, record?.state == .paid {
                    let desk = JournalAccess.desk(session, store: store)
                    if try await journalCall({ try await desk.notePaidLookup(answer, of: reference) }) != nil {
                        record = try await journalCall { try await store.payment(reference) }
                    }
                }
                let events = try await journalCall { try await store.events(of: reference) }
                return (record, events, live)
            }
        }

        if json {
            var object: [String: Any] = ["reference": reference.value]
            object["payment"] = record.map { PaymentReport.jsonObject($0, time: time) } ?? NSNull()
            object["events"] = events.map { Self.eventObject($0, time: time) }
            object["khalti"] = live.jsonObject(expected: record?.amount)
            Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
        } else {
            var text = "\n"
            if let record {
                text += PaymentReport.card(record, time: time) + "\nHistory\n" + PaymentReport.events(events, time: time)
            } else {
                text += "The journal has no payment with reference \(reference.value).\n"
            }
            // One line, whatever Khalti's state or error words hold.
            text += "\nKhalti now: " + OutsideText.line(live.sentence(expected: record?.amount, journalState: record?.state)) + "\n"
            if record != nil { text += "\n" + NepalTime.note + "\n" }
            Terminal.standardOutput.write(text)
        }
        if record == nil { throw ExitCode(ExitCodes.notFound) }
        if case .failed(let error) = live {
            throw ExitCode(error.kind == .tokenOrAccount ? ExitCodes.tokenOrAccount : ExitCodes.unavailable)
        }
    }

    static func eventObject(_ event: PaymentEvent, time: NepalTime) -> [String: Any] {
        [
            "at": time.iso(event.at),
            "at_bs": time.bs(event.at) ?? NSNull(),
            "from": event.from.map(StateNames.name) ?? NSNull(),
            "to": StateNames.name(event.to),
            "note": event.evidence.note,
            "http_status": event.evidence.httpStatus ?? NSNull(),
            "error_code": event.evidence.errorCode ?? NSNull(),
            "khalti_text": event.evidence.khaltiText ?? NSNull(),
        ]
    }
}

/// What the live lookup of `status` gave.
private enum LiveLookup {
    case answered(LookupAnswer)
    case failed(KhaltiError)
    /// The payment went to another Khalti than the one configured: not asked.
    case elsewhere(String)
    /// The payment went through another Khalti account (this fingerprint): not asked.
    case otherAccount(String)

    static func ask(_ api: KhaltiAPI, _ reference: PaymentReference) async -> LiveLookup {
        do {
            return .answered(try await api.lookUp(reference))
        } catch {
            return .failed(error)
        }
    }

    func verdict(expected: Money?) -> LookupVerdict? {
        guard case .answered(let answer) = self else { return nil }
        if let expected { return LookupPolicy.verdict(for: answer, expectedAmount: expected) }
        if case .found(let facts) = answer, let amount = facts.amount.value { return LookupPolicy.verdict(for: answer, expectedAmount: amount) }
        return answer == .unknownReference ? .unknownToKhalti : nil
    }

    func sentence(expected: Money?, journalState: PaymentState?) -> String {
        switch self {
        case .elsewhere(let environment):
            return "not asked: this payment went to \(environment), and this command is connected elsewhere."
        case .otherAccount(let account):
            return "not asked: " + AccountWords.heldUnderAnotherAccount(account) + "."
        case .failed(let error):
            return "the lookup failed. \(error.description)"
        case .answered(let answer):
            var text = switch answer {
            case .unknownReference: "Khalti has no payment with this reference (002)."
            case .found(let facts):
                "state \(facts.state), amount \(facts.amount.value?.formatted ?? "not given")"
                    + (facts.refunded.value == true ? ", refunded \(facts.refundedAmount.value?.formatted ?? "")" : "")
                    + (facts.transactionID.map { ", response id \($0)" } ?? "") + "."
            }
            if let verdict = verdict(expected: expected) {
                text += " " + Self.meaning(verdict)
            }
            if let journalState, journalState.isOpen, case .paid? = verdict(expected: expected) {
                text += " The journal still says \(journalState.label): run `arrownet reconcile --now` to record it."
            }
            return text
        }
    }

    static func meaning(_ verdict: LookupVerdict) -> String {
        switch verdict {
        case .paid: "That means PAID."
        case .stillPending: "That means still pending."
        case .notPaid: "That means NOT PAID."
        case .unknownToKhalti: "Not received so far; a late request can still land."
        case .needsAttention(let problem): "ATTENTION: \(problem)"
        }
    }

    func jsonObject(expected: Money?) -> [String: Any] {
        switch self {
        case .elsewhere(let environment):
            return ["asked": false, "payment_khalti": environment]
        case .otherAccount(let account):
            return ["asked": false, "payment_khalti_account": KhaltiAccount.short(account)]
        case .failed(let error):
            return ["asked": true, "error": error.description]
        case .answered(let answer):
            var object: [String: Any] = ["asked": true]
            switch answer {
            case .unknownReference:
                object["known"] = false
            case .found(let facts):
                object["known"] = true
                object["state"] = facts.state
                object["amount"] = facts.amount.value?.wireString ?? NSNull()
                object["refunded"] = facts.refunded.value ?? false
                object["refunded_amount"] = facts.refundedAmount.value?.wireString ?? NSNull()
                // The lookup's `response_id`: Khalti's id for this status answer, not the
                // payment's transaction id (the payment answer's `id`, in the journal).
                object["response_id"] = facts.transactionID ?? NSNull()
            }
            object["meaning"] = switch verdict(expected: expected) {
            case .paid?: "paid"
            case .stillPending?: "pending"
            case .notPaid?: "not_paid"
            case .unknownToKhalti?: "unknown_reference"
            case .needsAttention?: "attention"
            case nil: NSNull()
            }
            return object
        }
    }
}

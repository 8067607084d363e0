import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import LiveConsole
import PaymentDesk
import PaymentJournal

/// `arrownet pay USERNAME --months N`: the console's payment path, for scripts.
struct PayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Pay a customer's Arrownet plan through Khalti (written to the journal first).",
        discussion: """
            Reads the customer back (name, months, amount) and asks for "yes" unless --yes is given. \
            A customer already paid today (in Nepal) needs a second "yes", or --again with --yes. \
            A paid payment's receipt is printed as the console prints it (printer, print command or a file). \
            While Khalti is slow a spinner counts the seconds; Ctrl-C then waits for the answer and records it. \
            With --json every outcome and every failure is one JSON object on standard output, with its exit_code. \
            Exit codes: 0 paid; 6 held (keep the cash aside; arrownet reconcile looks it up); \
            7 not paid (give the money back); 3 no such username; 4 token or account problem; \
            5 service unavailable (nothing sent); 8 refused before sending (plan not offered, \
            advance payment not accepted); 9 the customer has an unresolved payment; \
            10 not confirmed; 11 data folder or journal unusable (nothing sent); 64 usage error.
            """
    )

    @Argument(help: "The customer's Arrownet username.")
    var username: String

    @Option(name: .long, help: "The plan: 1, 3, 6 or 12 months.")
    var months: Int

    @Flag(name: .long, help: "Do not ask for confirmation (scripts).")
    var yes = false

    @Flag(name: .long, help: "With --yes: pay even though the customer was already paid today.")
    var again = false

    @Flag(name: .long, help: "Print one JSON object; the banner and questions go to standard error.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard PlanDuration(rawValue: months) != nil else { throw ValidationError("--months must be 1, 3, 6 or 12.") }
        if again && !yes { throw ValidationError("--again goes with --yes; without --yes the question is asked.") }
    }

    func run() async throws {
        let name: Username
        do { name = try Username(username) } catch { throw fail(error.description, code: ExitCodes.usage) }
        let duration = PlanDuration(rawValue: months) ?? .oneMonth
        LogSetup.bootstrap()
        let settings = try CommandSettings.load(connection)
        // A printer setting that cannot work stops the payment before anything is sent.
        let printer = try ReceiptJob.printer(settings)
        let session = try await KhaltiSession.open(settings)
        let code = try await session.run { session in
            try await PaymentFlow(session: session, printer: printer, json: json).pay(name, duration: duration, yes: yes, again: again)
        }
        if code != ExitCodes.found { throw ExitCode(code) }
    }
}

/// The steps of `pay`, each leaving with its exit code.
private struct PaymentFlow {
    let session: KhaltiSession
    let printer: ReceiptPrinter
    let json: Bool

    /// People read the banner, questions and outcome; with --json they go to standard error.
    var people: Terminal { json ? .standardError : .standardOutput }
    var time: NepalTime { NepalTime(session.settings) }

    func pay(_ name: Username, duration: PlanDuration, yes: Bool, again: Bool) async throws -> Int32 {
        people.write(session.banner + "\n")
        return try await withJournal { store in
            let desk = JournalAccess.desk(session, store: store)
            try await recover(desk)
            return try await pay(name, duration: duration, yes: yes, again: again, desk: desk, store: store)
        }
    }

    private func pay(
        _ name: Username, duration: PlanDuration, yes: Bool, again: Bool, desk: PaymentDesk, store: any JournalStore
    ) async throws -> Int32 {

        // Payments need an open shift: said before Khalti is asked anything.
        if try await journalCall({ try await desk.currentShift(counter: session.counterName) }) == nil {
            return try await report(.noOpenShift(counter: session.counterName), store: store, receipt: nil)
        }
        let account: Account
        do {
            account = try await session.api.accountDetails(for: name)
        } catch {
            throw fail(error.explanation(username: name), code: ExitCodes.code(for: error.kind))
        }
        guard let plan = account.plan(for: duration) else {
            let offered = account.plans.map(\.duration.label).joined(separator: ", ")
            throw fail("Arrownet offers \(ShownText.name(account.fullName)) no \(duration.label) plan (offered: \(offered.isEmpty ? "none" : offered)). Nothing was sent.", code: ExitCodes.refused)
        }
        if case .refused(let reason) = account.payability {
            throw fail("\(reason) Nothing was sent.", code: ExitCodes.refused)
        }
        if let open = try await journalCall({ try await desk.openPayment(for: name) }) {
            return try await report(.blockedByOpenPayment(open), store: store, receipt: nil)
        }

        let readAt = Date()
        let newExpiry = account.estimatedExpiry(after: duration, today: readAt, calendar: time.calendar)
        people.write("\n" + readBack(account, plan, newExpiry: newExpiry))
        if !yes, !ask("Take \(plan.amount.formatted) for \(plan.duration.label) for \(ShownText.name(account.fullName))? Type yes to pay: ") {
            throw fail("Not confirmed; nothing was sent.", code: ExitCodes.notConfirmed)
        }
        // Payments up to this moment are shown and confirmed; one paid after it stops the
        // payment in the same journal transaction that writes the intent. "After" is the
        // journal's position, taken before the read, never this machine's clock: a counter
        // whose clock is behind would otherwise slip its payment in before the look-up.
        var unseen = UnseenPayments.createdSince(desk.startOfToday())
        let seen = try await journalCall { try await desk.journalPosition() }
        let paidToday = try await journalCall { try await desk.paidPayments(name) }
        if !paidToday.isEmpty {
            people.write(alreadyPaid(paidToday))
            if yes && !again {
                throw fail("Not paid again: add --again to pay a customer already paid today. Nothing was sent.", code: ExitCodes.notConfirmed)
            }
            if !yes && !ask("Pay again? Type yes to pay again: ") {
                throw fail("Not confirmed; nothing was sent.", code: ExitCodes.notConfirmed)
            }
            unseen = .paidAfter(seen)
        }
        // From here the money may move: the process waits for Khalti's answer and records
        // it whatever the clerk presses, and says so while it waits.
        let interrupts = PaymentInterrupts()
        let waiting = WaitIndicator()
        let outcome = await desk.pay(
            account: account, plan: plan, counter: session.counterName, operator: session.operatorName, unseen: unseen)
        await waiting.stop()
        interrupts.end()
        var receipt: ReceiptJob.Result?
        if case .paid(let summary) = outcome, let record = try? await store.payment(summary.reference) {
            receipt = await ReceiptJob(printer: printer, store: store, configured: session.khalti)
                .print(record, newExpiry: newExpiry, kickDrawer: true)
        }
        return try await report(outcome, store: store, receipt: receipt)
    }

    /// Payments an earlier run left behind are recovered before anything else, and named.
    private func recover(_ desk: PaymentDesk) async throws {
        let recovered = try await journalCall { try await desk.recoverAtStart(counter: session.counterName) }
        guard !recovered.isEmpty else { return }
        Terminal.standardError.write(
            "Recovered \(recovered.count) payment(s) an earlier run left unfinished (never resent):\n"
                + recovered.map { "  " + PaymentReport.change($0) + "\n" }.joined())
    }

    /// What the clerk reads to the customer: the name one line, cut to what the line
    /// shows, so no text of the server's can move the cursor over the amount below it.
    private func readBack(_ account: Account, _ plan: Plan, newExpiry: Date) -> String {
        [
            AccountReport.row("Customer", "\(ShownText.name(account.fullName)) (\(account.username.value))"),
            AccountReport.row("Plan", plan.duration.label),
            AccountReport.row("Amount", plan.amount.formatted),
            AccountReport.row("New expiry", "\(time.day(of: newExpiry)), estimated: Arrownet's record decides"),
        ].joined(separator: "\n") + "\n"
    }

    private func alreadyPaid(_ payments: [PaymentSummary]) -> String {
        let lines = payments.map {
            "  \($0.amount.formatted) for \($0.duration.label) at \(time.clock($0.createdAt)) \(NepalTime.label) "
                + "(reference \($0.reference.value), counter \($0.counter))"
        }
        return "This customer was already paid today:\n" + lines.joined(separator: "\n") + "\n"
    }

    /// Asks on the terminal (standard input); anything but y/yes, or no input, is no.
    private func ask(_ question: String) -> Bool {
        people.write(question)
        let answer = readLine(strippingNewline: true)
        // A terminal echoes the clerk's Enter; piped input does not, so end the line here.
        if answer == nil || isatty(STDIN_FILENO) != 1 { people.write("\n") }
        guard let answer else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Says whose payment stands in the way: on a shared journal, often another counter's,
    /// taken at this very moment.
    static func blockedSentence(_ open: PaymentSummary) -> String {
        if open.state == .prepared || open.state == .sending {
            return "\(open.counter) is taking this customer's payment right now (\(open.operatorName), reference \(open.reference.value)); "
                + "no new payment was started."
        }
        return "This customer has an unresolved payment (\(open.state.label), taken at \(open.counter) by \(open.operatorName), "
            + "reference \(open.reference.value)); no new payment was started."
    }

    private func report(_ outcome: PaymentOutcome, store: any JournalStore, receipt: ReceiptJob.Result?) async throws -> Int32 {
        let (reason, code): (String, Int32) = switch outcome {
        case .paid: ("Khalti says the payment succeeded.", ExitCodes.found)
        case .held(_, let reason): (reason, ExitCodes.held)
        case .notPaid(_, let reason): (reason, ExitCodes.notPaid)
        case .blockedByOpenPayment(let open): (Self.blockedSentence(open), ExitCodes.openPayment)
        case .needsSecondConfirmation: ("The customer was paid since you looked (at another counter); nothing was sent.", ExitCodes.notConfirmed)
        case .refused(let reason): ("\(reason) Nothing was sent.", ExitCodes.refused)
        case .notSent(let reason): (reason, ExitCodes.journal)
        case .noOpenShift(let counter): (JournalError.noOpenShift(counter: counter).description, ExitCodes.noOpenShift)
        }
        let word = code == ExitCodes.found ? "paid" : FailureReport.outcome(for: code)
        var record: PaymentRecord?
        if let reference = outcome.summary?.reference {
            record = try await journalCall { try await store.payment(reference) }
        }
        let receiptSentence = receipt.map(ReceiptJob.sentence)
        if json {
            var object: [String: Any] = ["outcome": word, "reason": reason, "exit_code": Int(code)]
            // As in the error objects of failures before this point: the sentence when the
            // command did not do its job and no payment shows why.
            object["error"] = code != ExitCodes.found && record == nil ? reason : NSNull()
            object["payment"] = record.map { PaymentReport.jsonObject($0, time: time) } ?? NSNull()
            object.merge(ReceiptJob.jsonFields(receipt)) { _, new in new }
            Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
            if record == nil { Terminal.standardError.write(reason + "\n") }
            if case .failed? = receipt, let receiptSentence { Terminal.standardError.write(receiptSentence + "\n") }
        } else {
            var text = "\n\(record?.state.label ?? word.uppercased()): \(reason)\n"
            if let record { text += "\n" + PaymentReport.card(record, time: time) }
            if let receiptSentence { text += "\n" + receiptSentence + "\n" }
            if record != nil { text += "\n" + NepalTime.note + "\n" }
            (record == nil ? Terminal.standardError : Terminal.standardOutput).write(text)
        }
        return code
    }
}

/// Runs a journal call, leaving with exit 11 and the journal's sentence when it fails.
func journalCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as JournalError {
        throw fail(error.description, code: ExitCodes.journal)
    }
}

import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import KhaltiClient
import LiveConsole
import PaymentDesk
import PaymentJournal

/// Khalti, the journal and the printer, opened in the background while the first
/// screen is already up: the clerk can type while the sandbox starts. Every effect
/// waits for them; if they cannot be opened, every effect says why.
actor ConsoleConnection {
    struct Ready {
        let session: KhaltiSession
        let store: any JournalStore
        let environment: ConsoleEnvironment
    }

    private var opening: Task<Result<Ready, ConsoleError>, Never>?
    private let settings: ConsoleSettings
    private let printer: ReceiptPrinter
    private let discardTypeahead: @Sendable () -> Void

    /// `printer`: made with the settings before the screen, since the screen shows the
    /// drawer key only where a drawer opens through it.
    init(settings: ConsoleSettings, printer: ReceiptPrinter, discardTypeahead: @escaping @Sendable () -> Void) {
        self.settings = settings
        self.printer = printer
        self.discardTypeahead = discardTypeahead
    }

    func environment() async throws(ConsoleError) -> ConsoleEnvironment {
        try await ready().get().environment
    }

    func ready() async -> Result<Ready, ConsoleError> {
        if let opening { return await opening.value }
        let settings = settings
        let printer = printer
        let discard = discardTypeahead
        let task = Task { await Self.open(settings, printer: printer, discardTypeahead: discard) }
        opening = task
        return await task.value
    }

    func close() async {
        guard let opening else { return }
        if case .success(let ready) = await opening.value {
            await ready.store.close()
            await ready.session.close()
        }
    }

    private static func open(
        _ settings: ConsoleSettings, printer: ReceiptPrinter, discardTypeahead: @escaping @Sendable () -> Void
    ) async -> Result<Ready, ConsoleError> {
        let session: KhaltiSession
        do {
            session = try await KhaltiSession.open(settings)
        } catch {
            return .failure(ConsoleError(kind: .unavailable, reason: "Khalti could not be reached from this console.", nextStep: "Quit and check the configuration (see README)."))
        }
        let store: any JournalStore
        do {
            store = try await JournalAccess.openStore(journalURL: settings.journalURL)
        } catch {
            await session.close()
            switch error {
            case .journal(let journalError):
                return .failure(ConsoleError(journal: journalError))
            case .badURL(let sentence), .dataFolder(let sentence):
                return .failure(ConsoleError(kind: .unavailable, reason: sentence, nextStep: "Quit and check the configuration (see README)."))
            }
        }
        let desk = JournalAccess.desk(session, store: store)
        // What a killed run of this counter left is resolved before the clerk sees the held list.
        _ = try? await desk.recoverAtStart(counter: session.counterName)
        let environment = LiveConsoleEnvironment.make(
            api: session.api, desk: desk, printer: printer, counter: session.counterName, discardTypeahead: discardTypeahead)
        return .success(Ready(session: session, store: store, environment: environment))
    }

    /// The environment the driver gets at once: each closure waits for the real one.
    nonisolated func deferredEnvironment() -> ConsoleEnvironment {
        var environment = ConsoleEnvironment(
            now: Date.init,
            fetchAccount: { username throws(ConsoleError) in try await self.environment().fetchAccount(username) },
            customerPayments: { username throws(ConsoleError) in try await self.environment().customerPayments(username) },
            pay: { order in
                switch await self.ready() {
                case .success(let ready): await ready.environment.pay(order)
                case .failure(let error): .notTaken(error)
                }
            },
            heldPayments: { () throws(ConsoleError) in try await self.environment().heldPayments() },
            lookUpHeld: { references throws(ConsoleError) in try await self.environment().lookUpHeld(references) },
            // Without Khalti and the journal there is nothing to look up.
            nextHeldLookup: {
                guard let ready = try? await self.environment() else { return nil }
                return await ready.nextHeldLookup()
            },
            reconcileDue: {
                guard let ready = try? await self.environment() else { return nil }
                return await ready.reconcileDue()
            },
            balance: { () throws(ConsoleError) in try await self.environment().balance() },
            printReceipt: { receipt, kickDrawer throws(ConsoleError) in try await self.environment().printReceipt(receipt, kickDrawer) },
            openDrawer: { reason, operatorName throws(ConsoleError) in try await self.environment().openDrawer(reason, operatorName) },
            currentShift: { () throws(ConsoleError) in try await self.environment().currentShift() },
            openShift: { name, float throws(ConsoleError) in try await self.environment().openShift(name, float) },
            shiftReport: { id throws(ConsoleError) in try await self.environment().shiftReport(id) },
            closeShift: { counted, note in
                switch await self.ready() {
                case .success(let ready): await ready.environment.closeShift(counted, note)
                case .failure(let error): .refused(error)
                }
            },
            printShiftReport: { report throws(ConsoleError) in try await self.environment().printShiftReport(report) },
            discardTypeahead: discardTypeahead,
            sleep: { duration in try await Task.sleep(for: duration) }
        )
        // Without the journal there is no clock to compare with.
        environment.clockDrift = {
            guard let ready = try? await self.environment() else { return nil }
            return await ready.clockDrift()
        }
        return environment
    }
}

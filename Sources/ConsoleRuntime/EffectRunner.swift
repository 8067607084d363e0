import ArrownetDomain
import ConsoleCore
import Foundation

/// Performs one effect through the environment and says which action answers it.
enum EffectRunner {
    /// nil for effects that have no answer, and for a lookup cancelled on the way.
    static func run(_ effect: ConsoleEffect, in environment: ConsoleEnvironment) async -> ConsoleAction? {
        switch effect {
        case .fetchAccount(let username, let fetchID):
            let lookup = await fetchAccount(username, in: environment)
            // A lookup the clerk left must not land; reduce would drop it too.
            if Task.isCancelled { return nil }
            return .accountLoaded(fetchID, lookup)
        case .commitPayment(let order):
            let outcome = await environment.pay(order)
            return .paymentFinished(outcome, at: environment.now())
        case .loadHeldPayments:
            return .heldPaymentsLoaded(await capture { () throws(ConsoleError) in try await environment.heldPayments() })
        case .lookUpNow(let references):
            return .heldPaymentsLookedUp(
                await capture { () throws(ConsoleError) in try await environment.lookUpHeld(references) }
            )
        case .loadBalance:
            return .balanceLoaded(await capture { () throws(ConsoleError) in try await environment.balance() })
        case .printSettledReceipt(let receipt):
            return .settledReceiptPrinted(
                receipt.reference, await capture { () throws(ConsoleError) in try await environment.printReceipt(receipt, false) })
        case .printReceipt(let receipt, let kickDrawer):
            return .receiptPrinted(await capture { () throws(ConsoleError) in try await environment.printReceipt(receipt, kickDrawer) })
        case .openDrawer(let reason, let operatorName):
            return .drawerOpened(reason, await capture { () throws(ConsoleError) in try await environment.openDrawer(reason, operatorName) })
        case .loadShift:
            return .shiftLoaded(await capture { () throws(ConsoleError) in try await environment.currentShift() })
        case .openShift(let operatorName, let float):
            return .shiftOpened(await capture { () throws(ConsoleError) in try await environment.openShift(operatorName, float) })
        case .loadShiftReport(let shiftID):
            return .shiftReportLoaded(await capture { () throws(ConsoleError) in try await environment.shiftReport(shiftID) })
        case .closeShift(let counted, let note):
            return .shiftClosed(await environment.closeShift(counted, note))
        case .printShiftReport(let report):
            return .shiftReportPrinted(await capture { () throws(ConsoleError) in try await environment.printShiftReport(report) })
        case .cancelFetch, .discardTypeahead, .quit:
            // The driver handles these itself.
            return nil
        }
    }

    /// Khalti's details and the journal's payments, asked at the same time.
    static func fetchAccount(_ username: Username, in environment: ConsoleEnvironment) async -> Result<AccountLookup, ConsoleError> {
        async let account = capture { () throws(ConsoleError) in try await environment.fetchAccount(username) }
        async let payments = capture { () throws(ConsoleError) in try await environment.customerPayments(username) }
        switch (await account, await payments) {
        case (.success(let account), .success(let payments)):
            return .success(AccountLookup(account: account, payments: payments))
        case (.failure(let error), _), (_, .failure(let error)):
            return .failure(error)
        }
    }

    static func capture<Value>(_ body: () async throws(ConsoleError) -> Value) async -> Result<Value, ConsoleError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}

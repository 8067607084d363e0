import ArrownetDomain
import ConsoleCore
import ConsoleTestSupport
import Foundation

/// The shared samples, with this layer's payments.
typealias Fixtures = ConsoleSamples

extension ConsoleSamples {
    static func payment(
        _ state: PaymentState, reference: String = "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V", at time: Date = morning,
        counter: String = "Counter 2", operatorName: String = "Ram"
    ) -> PaymentSummary {
        PaymentSummary(
            reference: try! PaymentReference(reference), username: try! Username("Pradhanang"),
            customerName: "Ashish Pradhanang - Home", duration: .oneMonth, amount: Money(paisa: 169_500), counter: counter,
            operatorName: operatorName, state: state, transactionID: state == .paid ? "KTX1" : nil, createdAt: time,
            updatedAt: time, nextLookupAt: state == .held ? time.addingTimeInterval(300) : nil, lookupCount: 0, attention: nil
        )
    }
}

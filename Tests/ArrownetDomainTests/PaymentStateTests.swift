import Testing
@testable import ArrownetDomain

@Suite("Payment state transitions")
struct PaymentStateTests {
    static let allowed: Set<[PaymentState]> = [
        [.prepared, .sending], [.prepared, .abandoned],
        [.sending, .paid], [.sending, .held], [.sending, .notPaid],
        [.held, .held], [.held, .paid], [.held, .notPaid], [.held, .notReceived],
        // A person's decision for a paid payment flagged as refunded (the journal checks the flag).
        [.paid, .notPaid],
        // A person's decision for a not paid or not received payment flagged because
        // Khalti's later answer says paid (the journal checks the flag).
        [.notPaid, .paid], [.notReceived, .paid],
    ]

    @Test("exactly the drawn transitions are allowed", arguments: PaymentState.allCases)
    func transitions(from: PaymentState) {
        for to in PaymentState.allCases {
            #expect(from.canMove(to: to) == Self.allowed.contains([from, to]), "\(from) -> \(to)")
        }
    }

    @Test("open and final")
    func openness() {
        #expect(PaymentState.allCases.filter(\.isOpen) == [.prepared, .sending, .held])
        for state in PaymentState.allCases where state.isFinal {
            let moves = PaymentState.allCases.filter { state.canMove(to: $0) }
            let flaggedMoves: [PaymentState] = switch state {
            case .paid: [.notPaid]
            case .notPaid, .notReceived: [.paid]
            default: []
            }
            #expect(moves == flaggedMoves, "\(state) is final but moves to \(moves)")
        }
    }

    @Test("every state reads as a word and tells what to do with the cash")
    func words() {
        #expect(Set(PaymentState.allCases.map(\.label)).count == PaymentState.allCases.count)
        #expect(PaymentState.paid.cashInstruction.contains("receipt"))
        #expect(PaymentState.notPaid.cashInstruction.contains("money back"))
        #expect(PaymentState.held.cashInstruction.contains("aside"))
    }
}

import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("Commit call")
struct CommitTests {
    @Test func paymentSucceedsInTheDocumentedShapeAndLowersTheBalance() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.pay("Pradhanang", "1695.00", reference: "ref1")
            #expect(answer.status == 200)
            let json = try answer.json()
            #expect(json.keys == ["status", "message", "detail", "extra_data", "state", "id"])
            #expect(json["status"] == .bool(true))
            #expect(json["message"] == .string("Successfully Completed Transaction"))
            #expect(json["detail"] == .string("Transaction successful"))
            #expect(json["extra_data"] == .object([:]))
            #expect(json["state"] == .string("Success"))
            #expect(json["id"]?.number != nil)

            let credits = try await sandbox.credits()
            #expect(credits.available == .of("98305.0"))
            #expect(credits.consumed == .of("1695.0"))
            let entries = try await sandbox.sandbox.ledgerEntries(reference: "ref1")
            #expect(entries.count == 1)
            #expect(entries.first?.amount == Money(rupees: 1695))
            #expect(entries.first.map { Decimal($0.id) } == json["id"]?.number)
        }
    }

    @Test func amountMayComeAsANumberAndDurationAsAString() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.commit("Pradhanang", amount: "5085", duration: "\"3\"", reference: "num1")
            #expect(answer.status == 200)
            #expect(try answer.json()["state"] == .string("Success"))
            let paisa = try await sandbox.commit("singleplan", amount: "1130.50", duration: "1", reference: "num2")
            #expect(try paisa.json()["state"] == .string("Success"))
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "num2").first?.amount == Money(paisa: 113_050))
        }
    }

    @Test func amountThatIsNotThePlansPriceIs1010WithFieldErrors() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.pay("Pradhanang", "1695.00", months: 3, reference: "bad1")
            #expect(answer.status == 400)
            let json = try answer.json()
            #expect(json["error_code"] == .string("1010"))
            #expect(json["message"] == .string("Validation error"))
            #expect(json["status"] == .bool(false))
            #expect(json["error_data"]?.keys == ["amount"])
            #expect(json["error_data"]?["amount"]?[0]?.string?.contains("5085.00") == true)
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test func durationThatIsNotAPlanOfTheCustomerIs1010() async throws {
        try await TestSandbox.with { sandbox in
            let notOffered = try await sandbox.pay("singleplan", "1130.50", months: 3, reference: "bad2")
            #expect(try notOffered.json()["error_code"] == .string("1010"))
            #expect(try notOffered.json()["error_data"]?.keys == ["duration"])

            let notANumber = try await sandbox.commit("Pradhanang", amount: "\"1695.00\"", duration: "\"one\"", reference: "bad3")
            #expect(try notANumber.json()["error_data"]?.keys == ["duration"])

            let fractional = try await sandbox.commit("Pradhanang", amount: "\"1695.005\"", duration: "1.5", reference: "bad4")
            #expect(try fractional.json()["error_data"]?.keys == ["duration", "amount"])
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test func missingAmountAndDurationAreListedTogether() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.post(
                "/api/servicegroup/commit/arrownet/", #"{"token": "TEST:sandbox", "username": "Pradhanang", "reference": "r"}"#)
            #expect(answer.status == 400)
            #expect(try answer.json()["error_data"]?.keys == ["duration", "amount"])
        }
    }

    @Test func missingReferenceIs1012() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.post(
                "/api/servicegroup/commit/arrownet/",
                #"{"token": "TEST:sandbox", "username": "Pradhanang", "amount": "1695.00", "duration": 1}"#)
            #expect(answer.status == 400)
            #expect(try answer.json()["error_code"] == .string("1012"))
        }
    }

    @Test func referenceLongerThanFiftyIs1010() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.pay("Pradhanang", "1695.00", reference: String(repeating: "a", count: 51))
            #expect(try answer.json()["error_data"]?.keys == ["reference"])
        }
    }

    @Test func duplicateReferenceIs1013AndIsNotAppliedTwice() async throws {
        try await TestSandbox.with { sandbox in
            #expect(try await sandbox.pay("Pradhanang", "1695.00", reference: "dup1").status == 200)
            let again = try await sandbox.pay("Pradhanang", "1695.00", reference: "dup1")
            #expect(again.status == 400)
            #expect(try again.json()["error_code"] == .string("1013"))
            // A different customer and amount under the same reference is still a duplicate.
            let other = try await sandbox.pay("queuedok", "5085.00", months: 3, reference: "dup1")
            #expect(try other.json()["error_code"] == .string("1013"))

            #expect(try await sandbox.sandbox.ledgerEntries(reference: "dup1").count == 1)
            #expect(try await sandbox.credits().consumed == .of("1695.0"))
        }
    }

    @Test func concurrentCommitsOfOneReferencePayOnce() async throws {
        try await TestSandbox.with { sandbox in
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await sandbox.pay("Pradhanang", "1695.00", reference: "race1").status }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 400 }.count == 7)
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "race1").count == 1)
        }
    }

    @Test func balanceTooLowIs1016AndNothingIsPaid() async throws {
        var configuration = SandboxConfiguration()
        configuration.openingBalance = Money(rupees: 2000)
        try await TestSandbox.with(configuration) { sandbox in
            #expect(try await sandbox.pay("Pradhanang", "1695.00", reference: "low1").status == 200)
            let second = try await sandbox.pay("Pradhanang", "1695.00", reference: "low2")
            #expect(second.status == 400)
            #expect(try second.json()["error_code"] == .string("1016"))
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "low2").isEmpty)
            #expect(try await sandbox.credits().available == .of("305.0"))
        }
    }

    @Test func unknownUsernameOnCommitIs4000() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.pay("nobody", "1695.00", reference: "u1")
            #expect(answer.status == 400)
            #expect(try answer.json()["error_code"] == .string("4000"))
            #expect(try answer.json()["details"] == .string("Username not found"))
        }
    }

    @Test func customerWithoutDueWhoTakesNoAdvanceCannotBePaidFor() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.pay("noadvance", "1300.00", reference: "na1")
            #expect(answer.status == 400)
            #expect(try answer.json()["error_code"] == .string("4000"))
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
            // A customer with a due is paid whatever the advance flag.
            #expect(try await sandbox.pay("duecustomer", "1300.00", reference: "due1").status == 200)
        }
    }

    @Test func tokenIsCheckedBeforeAnythingElse() async throws {
        try await TestSandbox.with { sandbox in
            let wrong = try await sandbox.commit("Pradhanang", amount: "\"1695.00\"", duration: "1", reference: "t1", token: "live-secret")
            #expect(try wrong.json()["error_code"] == .string("1002"))
            let missing = try await sandbox.post(
                "/api/servicegroup/commit/arrownet", #"{"username": "Pradhanang", "amount": "1695.00", "duration": 1, "reference": "t2"}"#)
            #expect(try missing.json()["error_code"] == .string("1001"))
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test func paymentThatFailsAtOnceAnswersFailedAndGivesTheMoneyBack() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.pay("failnow", "1695.00", reference: "fail1")
            #expect(answer.status == 200)
            let json = try answer.json()
            #expect(json["state"] == .string("Failed"))
            #expect(json["status"] == .bool(false))
            #expect(json["id"]?.number != nil)
            #expect(try await sandbox.credits().available == .of("100000.0"))
            #expect(try await sandbox.credits().consumed == .of("0.0"))

            let lookup = try await sandbox.status("fail1").json()
            #expect(lookup["state"] == .string("Failed"))
            #expect(lookup["refunded"] == .bool(true))
            #expect(lookup["refunded_amount"]?.number == .of("1695"))
        }
    }

    @Test(arguments: [
        ("1e400", "99999999999999999999999"), ("-1695", "-1"), ("true", "null"), ("{}", "[]"),
        ("\"１６９５\"", "\"１\""), ("\"1,695.00\"", "\" 1 \""), ("0.0000000000000000000000001", "1e2"),
    ])
    func strangeValuesAreValidationErrorsNotCrashes(amount: String, duration: String) async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.commit("Pradhanang", amount: amount, duration: duration, reference: "odd")
            #expect(answer.status == 400)
            #expect(try answer.json()["error_code"] == .string("1010"))
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
        }
    }
}

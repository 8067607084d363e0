import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("Details call")
struct DetailsTests {
    /// The seed's success answer for Pradhanang, copied from the Khalti documentation.
    static let seedAnswer = """
        {
          "status": true,
          "plan_details": [
            {"duration": 1, "amount": "1695.00"},
            {"duration": 3, "amount": "5085.00"},
            {"duration": 6, "amount": "9492.00"},
            {"duration": 12, "amount": "17628.00"}
          ],
          "days_remaining": 464,
          "current_plan": "50Mbps",
          "accept_advance_payment": true,
          "has_due": false,
          "full_name": "Ashish Pradhanang - Home"
        }
        """

    /// The seed's error example for an unknown username.
    static let seedUsernameNotFound = """
        {
          "status": false,
          "message": "Can't fulfill request",
          "state": "Error",
          "error": "client_error",
          "details": "Username not found",
          "error_data": {},
          "error_code": "4000"
        }
        """

    @Test func pradhanangAnswersExactlyAsTheSeed() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.details("Pradhanang")
            #expect(answer.status == 200)
            #expect(answer.contentType == "application/json")
            #expect(try answer.json() == JSONValue.parse(Self.seedAnswer))
        }
    }

    @Test func unknownUsernameAnswersTheSeedsErrorExactly() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.details("nobody-here")
            #expect(answer.status == 400)
            #expect(try answer.json() == JSONValue.parse(Self.seedUsernameNotFound))
        }
    }

    @Test(arguments: ["/api/servicegroup/details/arrownet/", "/api/servicegroup/details/arrownet"])
    func pathWorksWithAndWithoutTrailingSlash(path: String) async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.post(path, #"{"token": "TEST:sandbox", "username": "Pradhanang"}"#)
            #expect(answer.status == 200)
            #expect(try answer.json()["full_name"] == .string("Ashish Pradhanang - Home"))
        }
    }

    @Test func usernameMatchesWhateverTheCase() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.details("pradhanang")
            #expect(try answer.json()["full_name"] == .string("Ashish Pradhanang - Home"))
        }
    }

    @Test func devanagariNameTravelsAsUTF8() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.details("devanagari")
            #expect(answer.text.contains("राम बहादुर श्रेष्ठ"))
            #expect(try answer.json()["full_name"] == .string("राम बहादुर श्रेष्ठ"))
        }
    }

    @Test func missingTokenIs1001AndAWrongOneIs1002() async throws {
        try await TestSandbox.with { sandbox in
            let missing = try await sandbox.post("/api/servicegroup/details/arrownet/", #"{"username": "Pradhanang"}"#)
            #expect(missing.status == 400)
            #expect(try missing.json()["error_code"] == .string("1001"))
            #expect(try missing.json()["status"] == .bool(false))
            #expect(try missing.json()["state"] == .string("Error"))

            let wrong = try await sandbox.details("Pradhanang", token: "TEST:O7QxjFcdueNzAh9aBOsD")
            #expect(wrong.status == 400)
            #expect(try wrong.json()["error_code"] == .string("1002"))
            #expect(try wrong.json().keys == ["status", "message", "state", "error", "details", "error_data", "error_code"])
        }
    }

    @Test func missingUsernameIsAValidationError() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.post("/api/servicegroup/details/arrownet/", #"{"token": "TEST:sandbox"}"#)
            #expect(answer.status == 400)
            let json = try answer.json()
            #expect(json["error_code"] == .string("1010"))
            #expect(json["message"] == .string("Validation error"))
            #expect(json["error_data"]?["username"]?.array?.isEmpty == false)
        }
    }

    @Test func bodyThatIsNotJSONIsAParseError() async throws {
        try await TestSandbox.with { sandbox in
            for body in ["{not json", "[1, 2, 3]", "\"just a string\"", "\u{FF}\u{FE}"] {
                let answer = try await sandbox.post("/api/servicegroup/details/arrownet/", body)
                #expect(answer.status == 400, "body \(body)")
                #expect(try answer.json()["error_code"] == .string("1014"), "body \(body)")
            }
        }
    }

    @Test func hugeBodyIsRefusedWithoutBeingRead() async throws {
        var configuration = SandboxConfiguration()
        configuration.maximumRequestBodyBytes = 1024
        try await TestSandbox.with(configuration) { sandbox in
            let huge = #"{"token": "TEST:sandbox", "username": ""# + String(repeating: "x", count: 200_000) + #""}"#
            let answer = try await sandbox.post("/api/servicegroup/details/arrownet/", huge)
            #expect(answer.status == 400)
            #expect(try answer.json()["error_code"] == .string("1015"))
        }
    }

    @Test func theSeededFileIsFoundInTheBundleAndCoversEveryCase() throws {
        let customers = try SandboxCustomer.seededCustomers()
        let byName = Dictionary(uniqueKeysWithValues: customers.map { ($0.username, $0) })
        #expect(Set(byName.keys).isSuperset(of: [
            "Pradhanang", "duecustomer", "noadvance", "expired", "longname", "devanagari",
            "singleplan", "queuedok", "queuedfail", "failnow",
        ]))
        #expect(byName["duecustomer"]?.details.daysRemaining == 0)
        #expect(byName["duecustomer"]?.details.hasDue == true)
        #expect(byName["noadvance"]?.details.acceptAdvancePayment == false)
        #expect(byName["noadvance"]?.details.hasDue == false)
        #expect(byName["expired"]?.details.hasDue == true)
        #expect((byName["longname"]?.details.fullName.count ?? 0) > 70)
        #expect(byName["singleplan"]?.details.planDetails.count == 1)
        #expect(byName["queuedok"]?.paymentScript == [.queued, .success])
        #expect(byName["queuedfail"]?.paymentScript == [.queued, .failed])
        #expect(byName["failnow"]?.paymentScript == [.failed])
        #expect(byName["Pradhanang"]?.details.planDetails.map(\.amount) == [
            Money(rupees: 1695), Money(rupees: 5085), Money(rupees: 9492), Money(rupees: 17628),
        ])
    }

    @Test func aCustomerListWithABadScriptIsRefused() {
        let json = #"{"customers": [{"username": "x", "details": {"plan_details": [{"duration": 1, "amount": "10.00"}], "days_remaining": 1, "current_plan": "p", "accept_advance_payment": true, "has_due": false, "full_name": "X"}, "payment_script": ["Success", "Queued"]}]}"#
        #expect(throws: SandboxCustomerFileError.self) { try SandboxCustomer.customers(fromJSON: Data(json.utf8)) }
    }
}

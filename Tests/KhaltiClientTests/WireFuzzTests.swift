import ArrownetDomain
import Foundation
import NetworkTestSupport
import Testing
@testable import KhaltiClient

/// The wire readers against what a hostile or broken server can send: Khalti's own
/// answer shapes (plain and published) mutated value by value and byte by byte, and
/// random JSON. A trap anywhere ends the test process, so reaching the end is the
/// first assertion; every reading that succeeds is then checked for what the rest of
/// the program relies on (bounded numbers, money in range, text without controls).
///
/// Seeded and repeatable: the seed is printed, and `ARROWNET_FUZZ_SEED` /
/// `ARROWNET_FUZZ_COUNT` replay a failure or run longer.
@Suite("Wire: fuzzed answers never crash a reader, and every failure is a typed error")
struct WireFuzzTests {
    static let token = try! KhaltiToken("TEST:fuzz-secret-token")
    static let asked = try! PaymentReference("ARN20261207FUZZ0001")
    static let other = try! PaymentReference("ARN20261207FUZZ0002")

    @Test("100,000 mutated and random answers through the details, commit, lookup, bulk and balance readers")
    func fuzz() async {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["ARROWNET_FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970 * 1000)
        let count = environment["ARROWNET_FUZZ_COUNT"].flatMap { Int($0) } ?? 100_000
        // Tens of seconds of synchronous work: on a thread of its own, so the concurrency
        // pool (two threads on a two-core machine) stays free for the suites that run
        // beside it and wait on loopback servers with deadlines.
        let outcome = await withCheckedContinuation { (done: CheckedContinuation<FuzzOutcome, Never>) in
            Thread { done.resume(returning: Self.run(seed: seed, count: count)) }.start()
        }
        if let failure = outcome.failure { Issue.record(Comment(rawValue: failure)) }
        // Both outcomes must occur, or the generator has stopped exercising the readers.
        #expect(outcome.tally.read > count / 50, "too few inputs were readable: the mutations are too blunt")
        #expect(outcome.tally.refused > count / 50, "too few inputs were refused: the mutations are too gentle")
    }

    struct FuzzOutcome: Sendable {
        var tally = Tally()
        var failure: String?
    }

    static func run(seed: UInt64, count: Int) -> FuzzOutcome {
        print("wire fuzz: seed \(seed), \(count) inputs (replay with ARROWNET_FUZZ_SEED=\(seed))")
        var generator = FuzzInputs(seed: seed)
        var tally = Tally()
        let started = Date()
        for index in 0..<count {
            let input = generator.next()
            let problems = Self.read(input, tally: &tally)
            if !problems.isEmpty {
                let body = String(decoding: input.body.prefix(400), as: UTF8.self)
                return FuzzOutcome(tally: tally, failure: "seed \(seed), input \(index): \(problems.joined(separator: "; "))\n\(body)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("wire fuzz: \(count) inputs in \(String(format: "%.1f", seconds)) s; read \(tally.read), refused \(tally.refused) with a typed error")
        return FuzzOutcome(tally: tally)
    }

    /// Readings that succeeded (an account, a balance, a lookup) and inputs refused.
    struct Tally: Sendable {
        var read = 0
        var refused = 0
    }

    /// Runs every reader on one answer and returns what is wrong with what they read.
    static func read(_ input: FuzzInputs.Input, tally: inout Tally) -> [String] {
        var problems: [String] = []
        let raw = RawAnswer(status: input.status, contentType: "application/json", body: input.body)
        let username = try! Username("Pradhanang")

        // Every reader takes one parsed answer, as the API's do (`KhaltiAPI.readAccount`,
        // `readBalance`, `readLookup`, `paymentResult`): parsed once here to keep 100,000 inputs quick.
        let fields: AnswerFields
        do {
            fields = try WireReading.objectFields(raw)
        } catch {
            tally.refused += 1
            // A payment's answer that is not a JSON object is unreadable: held, never a crash.
            let payment = WireReading.paymentResult(raw, token: token)
            if case .answered = payment.answer, !(300..<400).contains(raw.status) { problems.append("a non-object read as an answer") }
            return problems + checkSentence(error.description)
        }
        let status = raw.status

        // Commit: never throws; whatever it read must be clean.
        let payment = WireReading.paymentResult(fields, httpStatus: status, token: token)
        problems += [payment.message, payment.transactionID].compactMap { $0 }.flatMap(checkText)
        if let refusal = payment.refusal { problems += checkSentence(refusal.explanation()) }
        if let credits = payment.creditsAvailable { problems += checkMoney(credits, "credits_available") }
        do {
            problems += check(try WireReading.readAnswer(fields, httpStatus: status, token: token) { fields throws(FieldProblem) in
                try WireReading.account(fields, username: username, token: token)
            })
            tally.read += 1
        } catch {
            tally.refused += 1
            problems += checkSentence(error.description)
        }
        do {
            problems += check(try WireReading.readAnswer(fields, httpStatus: status, token: token, WireReading.balance))
            tally.read += 1
        } catch {
            problems += checkSentence(error.description)
        }

        // Single lookup and bulk lookup.
        do {
            let lookup = WireReading.lookupResult(fields, httpStatus: raw.status, asked: asked, token: token)
            if case .success = lookup { tally.read += 1 }
            problems += check(lookup)
            if case .array(let entries)? = fields.value["detail"] {
                let results = WireReading.bulkLookupResults(entries, asked: [asked, other], token: token)
                problems += results.values.flatMap(check)
            }
        }
        return problems
    }

    static func check(_ account: Account) -> [String] {
        var problems = checkText(account.fullName) + checkText(account.currentPlan)
        if !WireReading.daysRemainingRange.contains(account.daysRemaining) { problems.append("days_remaining \(account.daysRemaining) out of range") }
        for plan in account.plans { problems += checkMoney(plan.amount, "plan amount") }
        return problems
    }

    static func check(_ balance: KhaltiBalance) -> [String] {
        checkMoney(balance.available, "credits_available") + (balance.consumed.map { checkMoney($0, "credits_consumed") } ?? [])
    }

    static func check(_ result: Result<LookupAnswer, KhaltiError>) -> [String] {
        switch result {
        case .success(.unknownReference):
            return []
        case .success(.found(let facts)):
            var problems = checkText(facts.state) + (facts.transactionID.map(checkText) ?? [])
            for money in [facts.amount.value, facts.refundedAmount.value, facts.listedRefunds.value].compactMap({ $0 }) {
                problems += checkMoney(money, "lookup amount")
            }
            // The policy must decide every answer without trapping either.
            _ = LookupPolicy.verdict(for: .found(facts), expectedAmount: Money(rupees: 1695))
            return problems
        case .failure(let error):
            return checkSentence(error.description)
        }
    }

    static func checkMoney(_ money: Money, _ what: String) -> [String] {
        money.paisa >= 0 && money.paisa <= 10_000_000 * 100 * 100 ? [] : ["\(what) \(money.paisa) paisa out of range"]
    }

    /// Text that reaches a screen, the journal or a receipt.
    static func checkText(_ text: String) -> [String] {
        var problems: [String] = []
        if !OutsideText.isSafe(text) { problems.append("unsafe text \(text.unicodeScalars.map { String($0.value, radix: 16) })") }
        if text.contains("fuzz-secret-token") { problems.append("the token in read text") }
        if text.count > WireReading.maximumTextCharacters + 1 { problems.append("text of \(text.count) characters") }
        return problems
    }

    /// A sentence for a person: no control, and no token.
    static func checkSentence(_ text: String) -> [String] {
        var problems: [String] = []
        if !OutsideText.isSafe(text) { problems.append("unsafe sentence: \(OutsideText.line(text).prefix(120))") }
        if text.contains("fuzz-secret-token") { problems.append("the token in a sentence") }
        return problems
    }
}

/// A seeded stream of answers: Khalti's shapes, mutated.
struct FuzzInputs {
    struct Input {
        let status: Int
        let body: Data
    }

    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func next64() -> UInt64 { random.next() }

    mutating func below(_ bound: Int) -> Int { Int(next64() % UInt64(max(bound, 1))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let statuses = [200, 200, 200, 200, 400, 404, 500, 502, 503, 301]

    /// Khalti's answers as the protocol and its published examples give them.
    static let shapes: [String] = [
        #"{"status": true, "plan_details": [{"duration": 1, "amount": "1695.00"}, {"duration": 3, "amount": "5085.00"}], "days_remaining": 12, "current_plan": "40 Mbps", "accept_advance_payment": true, "has_due": false, "full_name": "Pradhanang Test"}"#,
        #"{"status": true, "state": "Success", "message": "Successfully Completed Transaction", "detail": "Transaction successful", "id": 12345, "extra_data": {}, "credits_available": 161155.5, "credits_consumed": 777099.369900001}"#,
        #"{"status": false, "state": "Failed", "message": "Transaction Failed", "detail": {"reason": "provider"}, "id": "77"}"#,
        #"{"status": true, "state": "Failed", "original_status": "Error", "details": "Transaction failed", "reference": "ARN20261207FUZZ0001", "response_id": 5, "amount": 100.0, "refunded": false, "refunded_amount": 0.0, "refunds": [{"created_at": "2024-07-15", "remarks": "r", "amount": 100.0}]}"#,
        #"{"status": true, "state": "Success", "details": "ok", "reference": "ARN20261207FUZZ0001", "response_id": "99", "amount": 1695.0, "refunded": false, "refunded_amount": 0}"#,
        #"{"status": true, "detail": [{"status": true, "state": "Error", "details": "Invalid reference obtained for account", "reference": "ARN20261207FUZZ0001", "response_id": 0, "amount": 0}, {"status": true, "state": "Queued", "reference": "ARN20261207FUZZ0002", "response_id": 3, "amount": 1695.0}]}"#,
        #"{"status": false, "message": "Invalid reference", "state": "Error", "error": "invalid_reference", "details": "No transaction has this reference.", "error_data": {}, "error_code": "002"}"#,
        #"{"status": false, "message": "Validation error", "error_data": {"amount": ["Invalid amount"], "duration": ["bad"]}, "error_code": "1010"}"#,
        #"{"status": false, "error_code": "4000", "details": "Payment seems to have already been Made!", "message": "Can't fulfill request"}"#,
        #"{"credits_consumed": 777099.369900001, "credits_available": 161155.5}"#,
        #"{"credits_available": 454135.30317999}"#,
    ]

    /// Values a hostile server might put in any field.
    static let hostileValues: [String] = [
        "1000000000000000", "-1000000000000000", "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809",
        "0", "-0", "0.0", "1.5", "1695.005", "1695.015", "99999999.995", "123456789012345678901234567890.5", "-1695.00",
        "null", "true", "false", "[]", "{}", "[[[[[[[[[[1]]]]]]]]]]", #""""#, #"" ""#, #""1695.00""#, #""1e3""#, #""0x10""#,
        #""\u001b[2K\r\u0007\u0000\u001bp\u202e\u009b""#, #""Ram \u001b]0;owned\u0007 Bahadur""#, #""fuzz-secret-token""#,
        #""TEST:fuzz-secret-token""#, #""\ud800""#, #""ARN20261207FUZZ0001""#, #""Error""#, #""Success""#, #""002""#,
        #""Invalid reference obtained for account""#, #"{"a": {"b": ["c", 1, null]}}"#,
        "\"" + String(repeating: "नाम", count: 400) + "\"",
    ]

    static let keys = [
        "status", "state", "amount", "days_remaining", "full_name", "current_plan", "plan_details", "duration",
        "has_due", "accept_advance_payment", "reference", "response_id", "refunded", "refunded_amount", "refunds",
        "detail", "details", "message", "error_code", "error", "error_data", "credits_available", "credits_consumed", "id",
    ]

    mutating func next() -> Input {
        let status = chance(70) ? 200 : pick(Self.statuses)
        let body: String
        switch below(10) {
        case 0...5: body = mutatedValues(pick(Self.shapes))
        case 6...7: body = mutatedBytes(pick(Self.shapes))
        case 8: body = randomObject(depth: 0)
        default: body = mutatedValues(mutatedValues(pick(Self.shapes)))
        }
        return Input(status: status, body: Data(body.utf8))
    }

    /// Replaces some values after a key with hostile ones, or adds a key.
    mutating func mutatedValues(_ json: String) -> String {
        var text = json
        for _ in 0..<(1 + below(3)) {
            let key = pick(Self.keys)
            let value = pick(Self.hostileValues)
            if let range = text.range(of: "\"\(key)\": ") {
                let end = valueEnd(in: text, from: range.upperBound)
                text.replaceSubrange(range.upperBound..<end, with: value)
            } else if let brace = text.firstIndex(of: "{") {
                text.insert(contentsOf: "\"\(key)\": \(value), ", at: text.index(after: brace))
            }
        }
        return text
    }

    /// Where a JSON value that starts at `start` ends (good enough for the shapes above:
    /// the next comma or closing bracket at the same depth, outside a string).
    private func valueEnd(in text: String, from start: String.Index) -> String.Index {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else {
                switch character {
                case "\"": inString = true
                case "[", "{": depth += 1
                case "]", "}":
                    if depth == 0 { return index }
                    depth -= 1
                case "," where depth == 0: return index
                default: break
                }
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// Flips, drops, repeats or inserts bytes: most results are not JSON at all.
    mutating func mutatedBytes(_ json: String) -> String {
        var bytes = Array(json.utf8)
        for _ in 0..<(1 + below(4)) where !bytes.isEmpty {
            let at = below(bytes.count)
            switch below(5) {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(UInt8(truncatingIfNeeded: next64()), at: at)
            case 3: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: Array("1e999".utf8), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A random JSON object using Khalti's keys.
    mutating func randomObject(depth: Int) -> String {
        let members = (0..<below(8)).map { _ in "\"\(pick(Self.keys))\": \(randomValue(depth: depth + 1))" }
        return "{" + members.joined(separator: ", ") + "}"
    }

    mutating func randomValue(depth: Int) -> String {
        guard depth < 4 else { return pick(Self.hostileValues) }
        switch below(6) {
        case 0: return randomObject(depth: depth)
        case 1: return "[" + (0..<below(4)).map { _ in randomValue(depth: depth + 1) }.joined(separator: ", ") + "]"
        case 2: return String(Int64(bitPattern: next64()))
        case 3: return "\(below(100_000)).\(below(1_000_000_000))"
        default: return pick(Self.hostileValues)
        }
    }
}

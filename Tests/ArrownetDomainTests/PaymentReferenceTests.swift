import Foundation
import Testing
@testable import ArrownetDomain

@Suite("Payment reference")
struct PaymentReferenceTests {
    @Test("live references are alphanumeric, at most 50 characters, and unique")
    func liveReferences() {
        let generator = ReferenceGenerator.live()
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let reference = generator.next().value
            #expect(reference.count == 29)
            #expect(reference.hasPrefix("ARN"))
            #expect(reference.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            seen.insert(reference)
        }
        #expect(seen.count == 10_000)
    }

    @Test("references sort by the time they were made")
    func sortsByTime() {
        var random = SystemRandomNumberGenerator()
        let earlier = ReferenceGenerator.ulidReference(milliseconds: 1_700_000_000_000, using: &random)
        let later = ReferenceGenerator.ulidReference(milliseconds: 1_700_000_000_001, using: &random)
        #expect(earlier.value.prefix(13) < later.value.prefix(13))
    }

    @Test("the time part encodes the clock")
    func encodesClock() {
        var random = SystemRandomNumberGenerator()
        let zero = ReferenceGenerator.ulidReference(milliseconds: 0, using: &random)
        #expect(zero.value.prefix(13) == "ARN0000000000")
        let max = ReferenceGenerator.ulidReference(milliseconds: (1 << 48) - 1, using: &random)
        #expect(max.value.prefix(13) == "ARN7ZZZZZZZZZ")
    }

    @Test("the test generator counts")
    func sequential() {
        let generator = ReferenceGenerator.sequential(prefix: "T")
        #expect(generator.next().value == "T1")
        #expect(generator.next().value == "T2")
    }

    @Test("validation", arguments: ["", "ab-c", "ab c", String(repeating: "A", count: 51), "रेफ"])
    func refuses(text: String) {
        #expect(throws: PaymentReferenceError.self) { try PaymentReference(text) }
    }

    @Test("decoding checks the rules")
    func decoding() throws {
        let good = try JSONDecoder().decode([PaymentReference].self, from: Data(#"["ARN1"]"#.utf8))
        #expect(good.first?.value == "ARN1")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PaymentReference].self, from: Data(#"["no-dash"]"#.utf8))
        }
    }
}

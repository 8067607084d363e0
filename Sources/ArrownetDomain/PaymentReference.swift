import Foundation

/// Our reference for one payment attempt. Khalti refuses a second payment with the
/// same reference (1013), which is what makes a payment safe to look up after a
/// crash: the reference, not the request, identifies the money.
///
/// Letters and digits only, at most 50 characters (the protocol's field rule).
public struct PaymentReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let maximumLength = 50
    public let value: String

    public init(_ value: String) throws(PaymentReferenceError) {
        guard !value.isEmpty, value.count <= Self.maximumLength else { throw .badLength(value.count) }
        guard value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .notAlphanumeric }
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }
}

public enum PaymentReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case badLength(Int)
    case notAlphanumeric

    public var description: String {
        switch self {
        case .badLength(let length): "a payment reference has 1 to 50 characters, not \(length)"
        case .notAlphanumeric: "a payment reference has letters and digits only"
        }
    }
}

/// Makes references. Injected so that tests and flows are deterministic.
public struct ReferenceGenerator: Sendable {
    private let make: @Sendable () -> PaymentReference

    public init(_ make: @escaping @Sendable () -> PaymentReference) {
        self.make = make
    }

    public func next() -> PaymentReference { make() }

    /// `ARN` and a ULID: 48 bits of milliseconds and 80 random bits in Crockford
    /// base32, 29 characters. Unique across counters and restarts without any
    /// coordination, and sortable by time, which helps support read a journal.
    public static func live(now: @escaping @Sendable () -> Date = Date.init) -> ReferenceGenerator {
        ReferenceGenerator {
            var random = SystemRandomNumberGenerator()
            return ulidReference(milliseconds: UInt64(max(0, now().timeIntervalSince1970 * 1000)), using: &random)
        }
    }

    static func ulidReference(milliseconds: UInt64, using random: inout some RandomNumberGenerator) -> PaymentReference {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var text = "ARN"
        // 10 characters of time, most significant first (50 bits; the top 2 are zero).
        for shift in stride(from: 45, through: 0, by: -5) {
            text.append(alphabet[Int((milliseconds >> UInt64(shift)) & 31)])
        }
        // 16 characters of randomness: 80 bits from two draws.
        let high = random.next() as UInt64
        let low = random.next() as UInt64
        for index in 0..<16 {
            let bits = index < 8 ? (high >> UInt64(index * 5)) : (low >> UInt64((index - 8) * 5))
            text.append(alphabet[Int(bits & 31)])
        }
        // Only letters and digits of a fixed length were appended.
        return try! PaymentReference(text)
    }

    /// `prefix` and a counter: `T1`, `T2`, ... for tests that compare references.
    public static func sequential(prefix: String = "T") -> ReferenceGenerator {
        let counter = Counter()
        return ReferenceGenerator {
            (try? PaymentReference("\(prefix)\(counter.increment())")) ?? (try! PaymentReference("T0"))
        }
    }
}

private final class Counter: @unchecked Sendable {
    // Guarded by `lock`; a test generator is called from any task.
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

extension PaymentReference {
    /// The number printed on the receipt and quoted by the customer: the counter's
    /// letters and the reference's last ten characters (`Counter1-A1B2C3D4E5`). The journal
    /// has no receipt sequence, and a counter-local one would repeat after a restart; the
    /// reference's last ten characters are random (see `ReferenceGenerator.live`), short
    /// enough to read out and unique in practice.
    public func receiptNumber(counter: String) -> String {
        let counterPart = counter.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(8)
        let tail = value.suffix(10)
        return counterPart.isEmpty ? String(tail) : "\(counterPart)-\(tail)"
    }
}

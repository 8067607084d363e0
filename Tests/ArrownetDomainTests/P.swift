import Testing
@testable import ArrownetDomain
@Test func placeholder() { #expect(1 == 1) }

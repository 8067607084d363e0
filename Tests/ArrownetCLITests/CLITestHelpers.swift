import ArrownetDomain
import Foundation
import Testing

extension BinaryRunner {
    /// Writes the config file (`$XDG_CONFIG_HOME/arrownet/config`) byte for byte.
    func writeConfig(_ text: String) throws {
        let folder = home.appendingPathComponent("config/arrownet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("config"))
    }

    var dataFolder: URL { home.appendingPathComponent("data") }
    var receiptsFolder: URL { dataFolder.appendingPathComponent("receipts") }

    /// The receipt files saved so far, oldest name first.
    func receiptFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: receiptsFolder.path)) ?? []
        return names.sorted().map { receiptsFolder.appendingPathComponent($0) }
    }

    /// Pays `username` for a month and answers the payment's reference.
    func pay(_ username: String, _ extra: [String] = [], environment: [String: String] = [:]) async throws -> String {
        let result = try await run(["pay", username, "--months", "1", "--yes", "--json"] + extra, environment: environment)
        let object = try jsonObject(result.stdout)
        let payment = try #require(object["payment"] as? [String: Any], "\(result.stdout)\(result.stderr)")
        return try #require(payment["reference"] as? String)
    }
}

/// Standard output read as one JSON object.
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)",
        sourceLocation: sourceLocation)
}

/// Standard output read as a JSON array of objects.
func jsonArray(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "not a JSON array: \(text)",
        sourceLocation: sourceLocation)
}

/// CSV text as rows of fields (RFC 4180 quotes), header first.
func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
        if quoted {
            if scalar == "\"" {
                if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            row.append(field)
            field = ""
        } else if scalar == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// CSV rows as dictionaries by the header's names.
func csvRecords(_ text: String) -> [[String: String]] {
    let rows = csvRows(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
}

/// Today and other days as the counter sees them: Nepal time, whatever the test machine's zone.
enum Nepal {
    static let calendar = CounterCalendar.nepal
    static var today: CivilDay { calendar.day(of: Date()) }
    /// `2083 Mangsir 16 (2026-12-02)`, or the AD day alone outside the shipped table.
    static func dual(_ day: CivilDay) -> String { BikramSambatCalendar.shipped.dualText(for: day) }
    static func bs(_ day: CivilDay) -> String? { BikramSambatCalendar.shipped.bsDate(for: day)?.isoText }
}

/// How many times `part` occurs in `text`.
func occurrences(of part: String, in text: String) -> Int {
    text.components(separatedBy: part).count - 1
}

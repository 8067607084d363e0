import ArrownetDomain
import Foundation

/// Every JSON document the command line writes, encoded in one place so that each is
/// safe to show: a name from Khalti or the journal that holds DEL, a C1 control or a
/// bidirectional override (which encoders leave raw) is written as its `\u` escape
/// (`OutsideText.jsonEscaped`). The document still parses to the same strings; a
/// terminal showing it, or `jq` printing it raw, sees no control.
enum JSONText {
    /// A typed value (sorted keys, slashes unescaped); `{}` if it cannot be encoded.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return OutsideText.jsonEscaped(String(decoding: data, as: UTF8.self))
    }

    /// Dictionaries and arrays of `Any` (the objects `status`, `pay` and the failures
    /// build); `{}` if it is not JSON.
    static func serialize(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return OutsideText.jsonEscaped(String(decoding: data, as: UTF8.self))
    }
}

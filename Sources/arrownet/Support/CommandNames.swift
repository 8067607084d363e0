import ArgumentParser

/// A mistyped command (`arrownet lokup x`) named as such, with the nearest real one.
/// Without this the parser takes the word for the default command's (the console's)
/// arguments and answers "2 unexpected arguments" with the console's usage.
enum CommandNames {
    /// The commands' names, as `arrownet --help` lists them.
    static var known: [String] {
        Arrownet.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// A sentence when the first argument is a word that is no command, else nil.
    static func unknownCommand(in arguments: [String], known: [String] = known) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !known.contains(first) else { return nil }
        let shown = String(first.prefix(40))
        var sentence = "\"\(shown)\" is not an arrownet command."
        if let nearest = suggestion(for: first.lowercased(), among: known) {
            sentence += " Did you mean \(nearest)?"
        }
        let listed = known.filter { $0 != "help" }.joined(separator: ", ")
        return sentence + "\nCommands: \(listed). See arrownet --help."
    }

    /// The command a typo most likely meant: the nearest by edit distance (a swapped pair
    /// of letters counts once), at most two edits away, or the only one it begins.
    static func suggestion(for word: String, among names: [String]) -> String? {
        let scored = names.map { (name: $0, distance: distance(word, $0)) }.sorted { $0.distance < $1.distance }
        if let best = scored.first, best.distance <= min(2, max(1, best.name.count / 3)) {
            return best.name
        }
        let starting = names.filter { $0.hasPrefix(word) }
        return starting.count == 1 ? starting[0] : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps
    /// of neighbours, each one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}

extension KhaltiAPI {
    /// Removes this API's token from text a server sent (a state, an id, a message),
    /// for callers that keep such text, like the payment journal. The client already
    /// scrubs the messages it reads; this covers the fields it passes on as sent.
    public func scrub(_ text: String) -> String {
        token.scrub(text)
    }
}

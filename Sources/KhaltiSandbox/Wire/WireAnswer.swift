/// A JSON answer and its HTTP status, before it becomes a Hummingbird response.
struct WireAnswer: Sendable, Equatable {
    let httpStatus: Int
    let body: WireJSON

    static func ok(_ body: WireJSON) -> WireAnswer {
        WireAnswer(httpStatus: 200, body: body)
    }

    static func failure(_ error: KhaltiError) -> WireAnswer {
        WireAnswer(httpStatus: error.httpStatus, body: error.json)
    }
}

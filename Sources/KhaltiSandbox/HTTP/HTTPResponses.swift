import Hummingbird

/// Turning the sandbox's answers into Hummingbird responses.
enum HTTPResponses {
    static func json(_ answer: WireAnswer) -> Response {
        json(status: answer.httpStatus, text: answer.body.text)
    }

    static func json(status: Int, text: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// What a reverse proxy in front of Khalti answers when Khalti is down.
    static func proxyErrorPage(status: Int) -> Response {
        let reason = HTTPResponse.Status(code: status).reasonPhrase
        let page = "<html>\r\n<head><title>\(status) \(reason)</title></head>\r\n<body>\r\n<center><h1>\(status) \(reason)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "text/html"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// HTTP 200 whose body is not JSON: a captive portal or a misrouted page.
    static func nonJSONPage() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/html"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body><h1>Welcome</h1><p>Please log in to continue.</p></body></html>\n")))
    }
}

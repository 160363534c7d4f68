import AtlasJSON

/// Serialises a response head and body into one byte array, so a response leaves in a single send.
enum HTTPResponseEncoder {
    /// Appends the wire form of `response` to `output`.
    ///
    /// The encoder owns framing: responder-supplied `Content-Length`, `Transfer-Encoding` and
    /// `Connection` fields are replaced; fields with invalid names or CR/LF/NUL in values are dropped
    /// (so a handler can never split the response). HEAD keeps the GET `Content-Length` but no body;
    /// 1xx, 204 and 304 carry neither.
    static func encode(
        _ response: HTTPResponse, isHead: Bool, keepAlive: Bool, version: HTTPVersion, date: [UInt8],
        into output: inout [UInt8]
    ) {
        let status = (100...999).contains(response.status) ? response.status : 500
        output.reserveCapacity(output.count + 160 + response.body.count)
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        JSONWriter.appendInteger(status, to: &output)
        output.append(HTTPSyntax.space)
        output.append(contentsOf: HTTPResponse.reasonPhrase(for: status).utf8)
        output.append(contentsOf: crlf)
        var hasDate = false
        for field in response.headers {
            if asciiCaseInsensitiveEquals(field.name, "Content-Length")
                || asciiCaseInsensitiveEquals(field.name, "Transfer-Encoding")
                || asciiCaseInsensitiveEquals(field.name, "Connection")
            {
                continue
            }
            guard isValidField(field.name, field.value) else { continue }
            if asciiCaseInsensitiveEquals(field.name, "Date") { hasDate = true }
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: crlf)
        }
        let bodyAllowed = !(status < 200 || status == 204 || status == 304)
        if bodyAllowed {
            output.append(contentsOf: "Content-Length: ".utf8)
            JSONWriter.appendInteger(response.body.count, to: &output)
            output.append(contentsOf: crlf)
        }
        if !hasDate {
            output.append(contentsOf: "Date: ".utf8)
            output.append(contentsOf: date)
            output.append(contentsOf: crlf)
        }
        if !keepAlive {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http1_0 {
            output.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        output.append(contentsOf: crlf)
        if bodyAllowed && !isHead { output.append(contentsOf: response.body) }
    }

    private static let crlf: [UInt8] = [HTTPSyntax.cr, HTTPSyntax.lf]

    private static func isValidField(_ name: String, _ value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(HTTPSyntax.isTchar)
            && value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte)
    }
}

import AtlasHTTP
import AtlasJSON
import AtlasSandbox

extension AdminAPI {
    /// `GET /__admin/incidents?clientId=&orderNo=&…`: the client's incidents through the getPageList
    /// engine, without writing to the journal (only the integrator's own calls belong there).
    func listIncidents(_ request: HTTPRequest) -> HTTPResponse {
        var query = Self.query(request)
        guard let clientId = query.removeValue(forKey: "clientId") else {
            return Self.fault(400, "invalid_request", "clientId: missing required query parameter")
        }
        var filters: [String: JSONValue] = [:]
        for (key, value) in query {
            if ["pageIndex", "pageSize"].contains(key), let number = Int(value) {
                filters[key] = .int(number)
            } else if key == "eventStatus", let number = Int(value) {
                filters[key] = .array([.int(number)])
            } else {
                filters[key] = .string(value)
            }
        }
        return incidentPage(clientId: clientId, filters: filters)
    }

    /// `POST /__admin/incidents/query` `{"clientId", …getPageList filters…}`.
    func queryIncidents(_ request: HTTPRequest) -> HTTPResponse {
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value):
            guard var members = value.objectValue else {
                return Self.fault(400, "invalid_request", "$: expected object")
            }
            guard let clientId = members.removeValue(forKey: "clientId")?.stringValue else {
                return Self.fault(400, "invalid_request", "$.clientId: missing required field")
            }
            return incidentPage(clientId: clientId, filters: members)
        }
    }

    /// `POST /__admin/incidents` `{"clientId","incidents":[records]}`: adds incidents at run time.
    func addIncidents(_ request: HTTPRequest) -> HTTPResponse {
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value):
            do {
                let members = try value.expectObject(at: .root)
                try members.rejectUnknownKeys(allowed: ["clientId", "incidents"], at: .root)
                let clientId = try members.required("clientId", at: .root).expectString(
                    at: JSONPath.root.appending("clientId"))
                let records = try members.required("incidents", at: .root)
                guard sandbox.client(id: clientId) != nil else {
                    return Self.fault(404, "unknown_client", "$.clientId: no client '\(clientId)'")
                }
                do {
                    let added = try sandbox.addIncidents(clientId: clientId, records: records)
                    return Self.ok(["added": .int(added)], status: 201)
                } catch {
                    return Self.fault(
                        400, "invalid_incident", "$.incidents\(String(describing: error).dropFirst())")
                }
            } catch {
                return Self.fault(400, "invalid_request", "\(error)")
            }
        }
    }

    private func incidentPage(clientId: String, filters: [String: JSONValue]) -> HTTPResponse {
        guard sandbox.client(id: clientId) != nil else {
            return Self.fault(404, "unknown_client", "clientId: no client '\(clientId)'")
        }
        var filters = filters
        if filters["pageSize"] == nil { filters["pageSize"] = .int(configuration.maxPageSize) }
        let reply = sandbox.inspectPageList(clientId: clientId, body: JSONValue.object(filters).serialized())
        return HTTPResponse.json(200, reply.body)
    }
}

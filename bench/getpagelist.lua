-- wrk script: POST getPageList with credentials, pageSize 20 and two filters (airline + eventStatus).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["x-atlas-client-id"] = "sandbox"
wrk.headers["x-atlas-client-secret"] = "sandbox-secret"
local airlines = {"SQ", "CX", "VJ", "QZ", "AK", "TR", "MH", "GA"}
local counter = 0
request = function()
    counter = counter + 1
    local airline = airlines[(counter % #airlines) + 1]
    local page = (counter % 5) + 1
    local body = string.format('{"airline":"%s","eventStatus":[0],"pageIndex":%d,"pageSize":20}', airline, page)
    return wrk.format(nil, "/event/getPageList.do", nil, body)
end

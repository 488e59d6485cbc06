using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Azure;

namespace Guichet.Testing.AzureRules;

/// <summary>
/// Azure's wire format for a refusal: an OData JSON error for tables, XML for queues, and for a table batch a 202
/// whose changeset response carries the failing operation's status and its index before the message ("3:…"),
/// which is what Azure.Data.Tables reads into <c>FailedTransactionActionIndex</c>.
/// </summary>
internal static class RefusalResponses
{
    private const string TableJson = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";

    public static Response Table(Refusal refusal) =>
        new SyntheticResponse(refusal.Status, Reason(refusal.Status), TableJson, Encoding.UTF8.GetBytes(ODataError(refusal)), [("x-ms-error-code", refusal.Code)]);

    public static Response Batch(Refusal refusal)
    {
        var (batch, changeset) = ("batchresponse_" + Guid.NewGuid(), "changesetresponse_" + Guid.NewGuid());
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n")
            .Append(CultureInfo.InvariantCulture, $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {refusal.Status} {Reason(refusal.Status)}\r\nX-Content-Type-Options: nosniff\r\n")
            .Append(CultureInfo.InvariantCulture, $"DataServiceVersion: 3.0;\r\nContent-Type: {TableJson}\r\n\r\n")
            .Append(ODataError(refusal)).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"--{changeset}--\r\n--{batch}--\r\n");
        return new SyntheticResponse(202, "Accepted", $"multipart/mixed; boundary={batch}", Encoding.UTF8.GetBytes(body.ToString()), []);
    }

    public static Response Queue(Refusal refusal)
    {
        var limit = refusal.Status == 413 ? "<MaxLimit>65536</MaxLimit>" : string.Empty;
        var xml = $"""<?xml version="1.0" encoding="utf-8"?><Error><Code>{refusal.Code}</Code><Message>{SecurityElement.Escape(Detailed(refusal.Message))}</Message>{limit}</Error>""";
        return new SyntheticResponse(refusal.Status, Reason(refusal.Status), "application/xml", Encoding.UTF8.GetBytes(xml), [("x-ms-error-code", refusal.Code)]);
    }

    private static string ODataError(Refusal refusal)
    {
        var value = (refusal.Index is { } index ? index.ToString(CultureInfo.InvariantCulture) + ":" : string.Empty) + Detailed(refusal.Message);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["odata.error"] = new { code = refusal.Code, message = new { lang = "en-US", value } },
        });
    }

    private static string Detailed(string message) =>
        FormattableString.Invariant($"{message}\nRequestId:{Guid.NewGuid()}\nTime:{TimeProvider.System.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffffffZ}");

    private static string Reason(int status) => status switch
    {
        413 => "The request body is too large and exceeds the maximum permissible limit.",
        _ => "Bad Request",
    };
}

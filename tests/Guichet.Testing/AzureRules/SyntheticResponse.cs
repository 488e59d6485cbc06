using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Guichet.Testing.AzureRules;

/// <summary>A response made here rather than received, with the status, headers and body Azure would have sent.</summary>
internal sealed class SyntheticResponse(int status, string reason, string contentType, byte[] body, IEnumerable<(string Name, string Value)> headers) : Response
{
    private readonly List<HttpHeader> _headers =
        [new(HttpHeader.Names.ContentType, contentType), new("x-ms-request-id", Guid.NewGuid().ToString()), .. headers.Select(h => new HttpHeader(h.Name, h.Value))];

    public override int Status => status;

    public override string ReasonPhrase => reason;

    public override Stream? ContentStream { get; set; } = new MemoryStream(body, writable: false);

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => TryGetHeader(name, out _);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = _headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = TryGetHeader(name, out var value) ? [value] : null;
        return values is not null;
    }
}

using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Testing.AzureRules;

/// <summary>
/// Refuses, before it leaves the process, every Table or Queue request that Azure Storage would refuse but Azurite
/// accepts, and answers it with the response Azure would send, so that the SDK raises the same exception.
/// </summary>
/// <remarks>
/// It sits in the pipeline as the transport, wrapping the real one, rather than as a policy: the SDK's transport
/// policy attaches the service's error parser to whatever response the transport gives, and only that parser reads
/// a table error's code and a batch's failing index the way it does for Azure.
/// </remarks>
public sealed class AzureStorageRules : HttpPipelineTransport
{
    private readonly HttpPipelineTransport _inner;
    private readonly bool _queues;

    private AzureStorageRules(HttpPipelineTransport inner, bool queues) => (_inner, _queues) = (inner, queues);

    /// <summary>The rules of the Table service, in front of <paramref name="inner"/>.</summary>
    public static AzureStorageRules ForTables(HttpPipelineTransport inner) => new(inner ?? throw new ArgumentNullException(nameof(inner)), queues: false);

    /// <summary>The rules of the Queue service, in front of <paramref name="inner"/>.</summary>
    public static AzureStorageRules ForQueues(HttpPipelineTransport inner) => new(inner ?? throw new ArgumentNullException(nameof(inner)), queues: true);

    /// <inheritdoc />
    public override Request CreateRequest() => _inner.CreateRequest();

    /// <inheritdoc />
    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var refused = await RefuseAsync(message.Request, message.CancellationToken).ConfigureAwait(false);
        if (refused is null)
        {
            await _inner.ProcessAsync(message).ConfigureAwait(false);
            return;
        }

        message.Response = refused;
    }

    private async Task<Response?> RefuseAsync(Request request, CancellationToken ct)
    {
        var uri = request.Uri.ToUri();
        var body = await BodyAsync(request, ct).ConfigureAwait(false);

        // Azurite's URLs name the account in the path; Azure's name it in the host.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(uri.IsLoopback ? 1 : 0).ToArray();
        if (_queues)
        {
            return QueueRules.Check(segments, uri.Query, body is null ? null : Encoding.UTF8.GetString(body)) is { } refusal ? RefusalResponses.Queue(refusal) : null;
        }

        if (body is null || segments.Length == 0 || segments[0].StartsWith("Tables", StringComparison.Ordinal))
        {
            return null;
        }

        if (body.Length > TableBatchRules.MaxBodyBytes)
        {
            return RefusalResponses.Table(Refusal.BodyTooLarge());
        }

        if (segments[0] == "$batch")
        {
            return TableBatchRules.Check(Encoding.UTF8.GetString(body)) is { } refusal ? RefusalResponses.Batch(refusal) : null;
        }

        if (body.Length == 0 || body[0] != (byte)'{')
        {
            return null;
        }

        using var entity = JsonDocument.Parse(body);
        var (partitionKey, rowKey) = TableBatchRules.KeysOf(uri.AbsolutePath);
        return TableEntityRules.Check(entity.RootElement, partitionKey, rowKey) is { } refused ? RefusalResponses.Table(refused) : null;
    }

    private static async Task<byte[]?> BodyAsync(Request request, CancellationToken ct)
    {
        if (request.Content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Content.WriteToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }
}

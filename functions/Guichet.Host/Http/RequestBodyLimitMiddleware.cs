using Guichet.Runtime;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Http;

/// <summary>
/// Refuses with 413 a request body larger than its endpoint's <see cref="RequestBodyLimit"/> (by default the
/// runtime's <see cref="RuntimeOptions.MaxPayloadBytes"/>) before anything reads it: at once from
/// <c>Content-Length</c>, or after buffering at most one byte more than the limit when the body is chunked.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, RuntimeOptions runtime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.MaxBytes ?? runtime.MaxPayloadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = limit;
        }

        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > limit)
            {
                await RefuseAsync(context, limit);
                return;
            }
        }
        else if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? !HttpMethods.IsGet(request.Method))
        {
            var buffer = new MemoryStream();
            context.Response.RegisterForDisposeAsync(buffer);
            if (!await TryBufferAsync(request.Body, buffer, limit, context.RequestAborted))
            {
                await RefuseAsync(context, limit);
                return;
            }

            buffer.Position = 0;
            request.Body = buffer;
        }

        await next(context);
    }

    private static async Task<bool> TryBufferAsync(Stream body, MemoryStream buffer, long limit, CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return false;
                }
            }

            return true;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    private static Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Detail = $"Le corps de la requête dépasse {limit / 1024} Kio, la taille acceptée par cette route.",
            },
        }).AsTask();
    }
}

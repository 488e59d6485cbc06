namespace Guichet.Testing.AzureRules;

/// <summary>What Azure Storage answers to a request it refuses; <paramref name="Index"/> names the failing operation of a batch.</summary>
internal sealed record Refusal(int Status, string Code, string Message, int? Index = null)
{
    public const string OutOfRange = "One of the request inputs is out of range.";

    public static Refusal BadRequest(string code, string message) => new(400, code, message);

    public static Refusal BodyTooLarge() =>
        new(413, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum permissible limit.");

    public Refusal At(int index) => this with { Index = index };
}

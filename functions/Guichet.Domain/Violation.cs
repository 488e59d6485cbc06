namespace Guichet.Domain;

/// <summary>
/// One thing wrong with a message or a configuration: where (a JSON path such as <c>$.person.birthDate</c>) and
/// what, in French, for the person who has to fix it (a prescriber reading its rejected request, the ARS
/// editing a grid).
/// </summary>
/// <param name="Path">The JSON path of the offending value; <c>$</c> for the whole document.</param>
/// <param name="Message">What is wrong and, when it helps, what is expected.</param>
public sealed record Violation(string Path, string Message);

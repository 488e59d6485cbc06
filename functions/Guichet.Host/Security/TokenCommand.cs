using System.Globalization;

namespace Guichet.Host.Security;

/// <summary>
/// <c>dotnet run --project functions/Guichet.Host -- token --role ars.admin --org ars-idf --name "Alice"</c>:
/// prints a development token (and nothing else on standard output) for the configured audience and key,
/// then exits. <c>--role</c> may be repeated; <c>--sub</c> and <c>--minutes</c> (default 480) are optional.
/// </summary>
public static class TokenCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "token";

    /// <summary>Whether the arguments ask for this command.</summary>
    public static bool IsInvoked(string[] args) => args is [Name, ..];

    /// <summary>Prints a token to <paramref name="output"/> and returns 0, or explains the problem on <paramref name="error"/> and returns 2.</summary>
    public static int Run(string[] args, IConfiguration configuration, TimeProvider time, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var token = Parse(args.Skip(1).ToList());
            var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
            if (settings.Mode != AuthMode.Development)
            {
                throw new ArgumentException("Auth__Mode is not Development: tokens come from Entra ID (az account get-access-token --resource <audience>).");
            }

            output.WriteLine(DevelopmentIssuer.Issue(token, settings.Audience ?? string.Empty, settings.DevelopmentSigningKey ?? string.Empty, time));
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("usage: token --role <role> [--role <role>…] [--org <org>] [--name <name>] [--sub <subject>] [--minutes <n>]");
            error.WriteLine($"roles: {string.Join(", ", Roles.All)}");
            return 2;
        }
    }

    private static DevelopmentToken Parse(List<string> args)
    {
        var roles = new List<string>();
        string? org = null, name = null, subject = null;
        var minutes = 480;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--role" when Roles.All.Contains(value):
                    roles.Add(value);
                    break;
                case "--role":
                    throw new ArgumentException($"Unknown role '{value}'.");
                case "--org":
                    org = value;
                    break;
                case "--name":
                    name = value;
                    break;
                case "--sub":
                    subject = value;
                    break;
                case "--minutes" when int.TryParse(value, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 7 * 24 * 60:
                    minutes = m;
                    break;
                default:
                    throw new ArgumentException($"Unexpected argument '{args[i]} {value}'.");
            }
        }

        if (roles.Count == 0)
        {
            throw new ArgumentException("Give at least one --role.");
        }

        name ??= "Développeur";
        subject ??= "dev:" + new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return new DevelopmentToken(name, subject, roles, org, TimeSpan.FromMinutes(minutes));
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Guichet.Infra.Tests;

/// <summary>
/// azure.yaml against the rules of azd's schema (v1.0) for the fields it uses — the schema itself cannot be
/// fetched offline — and against the repository: the project exists, the hook reads outputs the Bicep gives.
/// </summary>
[Collection(InfraGroup.Name)]
public sealed partial class AzureYamlTests(CompiledInfra infra)
{
    // The schema's closed sets, for the properties azure.yaml uses.
    private static readonly string[] RootProperties = ["name", "resourceGroup", "metadata", "infra", "services", "pipeline", "hooks", "requiredVersions", "state", "platform", "workflows", "cloud", "resources"];
    private static readonly string[] Hosts = ["appservice", "containerapp", "function", "springapp", "staticwebapp", "aks", "ai.endpoint"];
    private static readonly string[] Languages = ["dotnet", "csharp", "fsharp", "py", "python", "js", "ts", "java", "docker"];
    private static readonly string[] Shells = ["sh", "pwsh"];
    private static readonly string[] ServiceHooks = ["prerestore", "postrestore", "prebuild", "postbuild", "prepackage", "postpackage", "predeploy", "postdeploy"];

    private static readonly Dictionary<string, object> Manifest = SimpleYaml.Parse(File.ReadAllText(InfraPaths.File("azure.yaml")));

    private static Dictionary<string, object> Host => Map(Map(Manifest, "services"), "host");

    [Fact]
    public void Root_NameRequired_OnlySchemaProperties()
    {
        Assert.Matches("^[a-z][a-z0-9-]+$", Assert.IsType<string>(Manifest["name"]));
        Assert.All(Manifest.Keys, key => Assert.Contains(key, RootProperties));
    }

    [Fact]
    public void Infra_BicepFromInfraMain()
    {
        var section = Map(Manifest, "infra");

        Assert.Equal("bicep", section["provider"]);
        Assert.True(File.Exists(InfraPaths.File((string)section["path"], $"{section["module"]}.bicep")));
    }

    [Fact]
    public void Service_OneContainerAppInDotnet()
    {
        var service = Assert.Single(Map(Manifest, "services"));

        Assert.Equal("host", service.Key); // the tag azd-service-name of the Container App
        Assert.Equal("containerapp", Assert.Contains("host", Host));
        Assert.Equal("dotnet", Assert.Contains("language", Host));
        Assert.Contains((string)Host["host"], Hosts);
        Assert.Contains((string)Host["language"], Languages);
    }

    [Fact]
    public void Service_ProjectIsTheHostProject()
    {
        var project = InfraPaths.File((string)Assert.Contains("project", Host));

        Assert.Equal("Guichet.Host.csproj", Path.GetFileName(Assert.Single(Directory.GetFiles(project, "*.csproj"))));
    }

    [Fact]
    public void Hooks_SchemaShape_AndOnlyBicepOutputs()
    {
        var hooks = Map(Host, "hooks");
        var outputs = infra.Main.Root["outputs"]!.AsObject();

        Assert.All(hooks, hook =>
        {
            Assert.Contains(hook.Key, ServiceHooks);
            var body = (Dictionary<string, object>)hook.Value;
            Assert.Contains((string)body["shell"], Shells);
            var run = Assert.IsType<string>(body["run"]);
            // azd itself sets SERVICE_<NAME>_IMAGE_NAME on deploy; everything else comes from the Bicep's outputs.
            Assert.All(EnvironmentReference().Matches(run).Select(m => m.Groups["name"].Value).Where(n => n != "SERVICE_HOST_IMAGE_NAME"),
                name => Assert.True(outputs.ContainsKey(name), $"The hook reads ${name}, which main.bicep does not output."));
        });
    }

    // azd builds the image with `dotnet publish /t:PublishContainer`: its port must be the ingress's.
    [Fact]
    public void Container_PortOfTheImage_IsTheIngressPort()
    {
        var project = XDocument.Load(InfraPaths.File("functions", "Guichet.Host", "Guichet.Host.csproj"));
        var port = Assert.Single(project.Descendants("ContainerPort")).Attribute("Include")!.Value;
        var ingress = infra.Main.Single(ResourceTypes.ContainerApp).At("properties.configuration.ingress.targetPort")!.GetValue<int>();

        Assert.Equal(ingress.ToString(System.Globalization.CultureInfo.InvariantCulture), port);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", project.Descendants("ContainerBaseImage").Single().Value, StringComparison.Ordinal);
    }

    private static Dictionary<string, object> Map(Dictionary<string, object> parent, string key) =>
        Assert.IsType<Dictionary<string, object>>(Assert.Contains(key, parent));

    [GeneratedRegex(@"\$\{?(?<name>[A-Z_][A-Z0-9_]*)")]
    private static partial Regex EnvironmentReference();
}

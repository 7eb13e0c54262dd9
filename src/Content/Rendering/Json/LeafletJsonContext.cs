using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leaflets.Content.Rendering.Json;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LeafletJsonModel))]
[JsonSerializable(typeof(LeafletListJson))]
[JsonSerializable(typeof(HealthJson))]
[JsonSerializable(typeof(HealthLeafletsPageJson))]
[JsonSerializable(typeof(ManifestJson))]
internal sealed partial class LeafletJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Same settings as the attribute, plus relaxed escaping: leaflet text is full of apostrophes and
    /// non-ASCII letters that the default encoder would turn into \uXXXX, which is valid but unreadable.
    /// It is safe because the body is always served as application/json with nosniff.
    /// </summary>
    public static LeafletJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

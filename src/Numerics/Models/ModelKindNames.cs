namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The one spelling of each <see cref="ModelKind"/>, as users type it (spec field "model", <c>--model</c>)
/// and as reports and tables print it.
/// </summary>
public static class ModelKindNames
{
    /// <summary>Each model by its name, in the order help texts list them.</summary>
    public static IReadOnlyDictionary<string, ModelKind> ByName { get; } = new Dictionary<string, ModelKind>(StringComparer.Ordinal)
    {
        ["projected"] = ModelKind.Projected,
        ["linear-network"] = ModelKind.LinearNetwork,
        ["mlp-circle"] = ModelKind.MlpCircle,
    };

    /// <summary>The model's name: "projected", "linear-network" or "mlp-circle".</summary>
    public static string Name(ModelKind model) => model switch
    {
        ModelKind.Projected => "projected",
        ModelKind.LinearNetwork => "linear-network",
        ModelKind.MlpCircle => "mlp-circle",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "not a model"),
    };
}

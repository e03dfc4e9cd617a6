namespace ScaleSweep.Sweeps.Specs;

/// <summary>The JSON keys of a sweep spec, in the order the parser reads and the docs list them.</summary>
internal static class SweepSpecFields
{
    public const string Name = "name";
    public const string Model = "model";
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string Gamma = "gamma";
    public const string Q = "q";
    public const string QPhi = "qPhi";
    public const string Gamma0 = "gamma0";
    public const string Depth = "depth";
    public const string K = "K";
    public const string N = "N";
    public const string P = "P";
    public const string B = "B";
    public const string Eta = "eta";
    public const string M = "M";
    public const string Spectrum = "spectrum";
    public const string Steps = "steps";
    public const string Seeds = "seeds";
    public const string PointsPerDecade = "pointsPerDecade";
    public const string FitWindow = "fitWindow";
    public const string CheckpointSeconds = "checkpointSeconds";
    public const string Theory = "theory";
    public const string TheoryWidth = "theory.width";
    public const string TheoryModes = "theory.modes";

    /// <summary>The path of a rule about the whole spec rather than one field (the JSONPath root).</summary>
    public const string Root = "$";

    /// <summary>The pseudo-field of <see cref="SweepSpecParser.ParseFile"/>'s file errors.</summary>
    public const string File = "file";

    public static readonly string[] All =
    [
        Name, Model, Alpha, Beta, Gamma, Q, QPhi, Gamma0, Depth, K, N, P, B, Eta, M, Spectrum, Steps, Seeds, PointsPerDecade, FitWindow,
        CheckpointSeconds, Theory,
    ];

    /// <summary>The required fields of the power-law models (projected, linear-network), in the order they are reported missing.</summary>
    public static readonly string[] Required = [Name, Model, Alpha, Beta, Gamma, N, B, M, Steps, Seeds];

    /// <summary>The required fields of a power-law model on a measured task ("spectrum" fixes M and labels alpha and beta by a fit).</summary>
    public static readonly string[] SpectrumRequired = [Name, Model, Gamma, N, B, Steps, Seeds];

    /// <summary>The required fields of model mlp-circle.</summary>
    public static readonly string[] MlpRequired = [Name, Model, Q, QPhi, Gamma0, N, B, Steps, Seeds];

    /// <summary>The power-law task's fields, refused for mlp-circle (eq. 14 derives alpha and beta, M is K, gamma is gamma0).</summary>
    public static readonly string[] PowerLawOnly = [Alpha, Beta, Gamma, M];

    /// <summary>The MLP's fields, refused for the other models.</summary>
    public static readonly string[] MlpOnly = [Q, QPhi, Gamma0, Depth, K];

    /// <summary>The power-law models' fields refused for mlp-circle, whose task is the circle's: <see cref="PowerLawOnly"/> and the measured task.</summary>
    public static readonly string[] NotMlp = [.. PowerLawOnly, Spectrum];

    public static string AllowedList => string.Join(", ", All);
}

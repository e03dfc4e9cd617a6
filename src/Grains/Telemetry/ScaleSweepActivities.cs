using System.Diagnostics;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The "ScaleSweep" activity source and its span names. A sweep's spans form one trace: the submit span
/// (or, after the coordinator moved to another silo, its first dispatch) is the parent of every later
/// dispatch and of the report span (<see cref="SweepTraces"/> keeps it), and Orleans' activity propagation
/// carries the context into the run grains and from there to the worker pools' chunk spans, on whichever
/// silo they run.
/// </summary>
public static class ScaleSweepActivities
{
    /// <summary>Name of the activity source.</summary>
    public const string SourceName = ScaleSweepMetrics.MeterName;

    /// <summary><c>ISweepGrain.Submit</c> on the coordinator's silo.</summary>
    public const string Submit = "sweep.submit";

    /// <summary>One batch of runs handed to run grains (<c>IRunGrain.Request</c> calls are its children).</summary>
    public const string Dispatch = "sweep.dispatch";

    /// <summary>Collecting the results and building the report.</summary>
    public const string Report = "sweep.report";

    /// <summary>One chunk of a run on a worker: from the job's start or last checkpoint to the next checkpoint or its end.</summary>
    public const string RunChunk = "run.chunk";

    /// <summary>A run grain storing a checkpoint.</summary>
    public const string Checkpoint = "run.checkpoint";

    public static readonly ActivitySource Source = new(SourceName, ScaleSweepMetrics.Version);

    /// <summary>The span names of this source (a sampler keeps root spans of these names only).</summary>
    public static readonly IReadOnlySet<string> SpanNames = new HashSet<string>(StringComparer.Ordinal) { Submit, Dispatch, Report, RunChunk, Checkpoint };

    /// <summary>
    /// Starts a span of this source, a child of <paramref name="parent"/>, or else of the ambient activity
    /// if that one is recorded, or else a root. An ambient activity that is not recorded (Orleans creates
    /// one for every incoming call, traced or not, to carry the context) would make the span unrecorded too.
    /// </summary>
    internal static Activity? StartSpan(string name, ActivityContext parent)
    {
        if (parent == default && Activity.Current is { Recorded: false })
        {
            Activity.Current = null;
        }

        return Source.StartActivity(name, ActivityKind.Internal, parent);
    }

    /// <summary>The context of the ambient activity if it is recorded; default otherwise.</summary>
    internal static ActivityContext RecordedAmbient() => Activity.Current is { Recorded: true } current ? current.Context : default;
}

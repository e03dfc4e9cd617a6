using System.Diagnostics;
using OpenTelemetry.Trace;
using ScaleSweep.Grains.Telemetry;

namespace ScaleSweep.Silo.Telemetry;

/// <summary>
/// Keeps ScaleSweep's traces and nothing else: a span whose parent is sampled is sampled (so Orleans'
/// grain-call and storage spans inside a sweep's trace are kept, and propagate the trace to other silos),
/// and a root span is kept only if it is one of ScaleSweep's. Orleans' own periodic calls (the worker
/// board, the sweep's progress polls, membership) would otherwise start a trace every second.
/// </summary>
internal sealed class ScaleSweepSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        ActivityContext parent = samplingParameters.ParentContext;
        if (parent.TraceId != default)
        {
            return (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Keep : Drop;
        }

        return ScaleSweepActivities.SpanNames.Contains(samplingParameters.Name) ? Keep : Drop;
    }
}

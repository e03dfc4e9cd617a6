using OpenTelemetry;
using OpenTelemetry.Logs;
using ScaleSweep.Grains.Telemetry;

namespace ScaleSweep.Silo.Telemetry;

/// <summary>
/// Gives ScaleSweep's log records the fields <c>sweep.id</c> and <c>run.key</c>, copied from the message
/// templates' <c>{Id}</c> (sweep grain) and <c>{Key}</c> (run grain, worker pool) values, so a backend can
/// find every record of one sweep or run by the same attribute names the metrics and spans use.
/// </summary>
internal sealed class LogFieldProcessor : BaseProcessor<LogRecord>
{
    private const string SweepCategory = "ScaleSweep.Grains.Sweeps.SweepGrain";

    public override void OnEnd(LogRecord data)
    {
        if (data.CategoryName is not { } category || !category.StartsWith("ScaleSweep.", StringComparison.Ordinal) || data.Attributes is not { Count: > 0 } attributes)
        {
            return;
        }

        List<KeyValuePair<string, object?>>? added = null;
        foreach (KeyValuePair<string, object?> attribute in attributes)
        {
            string? name = attribute.Key switch
            {
                "Id" when category == SweepCategory => TelemetryTags.SweepId,
                "Key" => TelemetryTags.RunKey,
                _ => null,
            };
            if (name is not null)
            {
                added ??= [.. attributes];
                added.Add(new KeyValuePair<string, object?>(name, attribute.Value));
            }
        }

        if (added is not null)
        {
            data.Attributes = added;
        }
    }
}

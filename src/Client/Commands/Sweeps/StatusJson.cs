using System.Text.Json;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>A sweep's status as one JSON object: {"id", "name", "state", "runs": {counts by status}, ...}.</summary>
internal static class StatusJson
{
    public static void Write(Utf8JsonWriter json, SweepStatus status)
    {
        json.WriteStartObject();
        json.WriteString("id", status.Id);
        json.WriteString("name", status.Name);
        json.WriteString("state", status.State.ToString().ToLowerInvariant());
        json.WriteStartObject("runs");
        json.WriteNumber("total", status.Runs.Total);
        json.WriteNumber("pending", status.Runs.Pending);
        json.WriteNumber("running", status.Runs.Running);
        json.WriteNumber("queued", status.RunsQueued);
        json.WriteNumber("completed", status.Runs.Completed);
        json.WriteNumber("diverged", status.Runs.Diverged);
        json.WriteNumber("failed", status.Runs.Failed);
        json.WriteNumber("cancelled", status.Runs.Cancelled);
        json.WriteEndObject();
        json.WriteNumber("stepsDone", status.StepsDone);
        json.WriteNumber("stepsTotal", status.StepsTotal);
        json.WriteNumber("stepsPerSecond", status.StepsPerSecond);
        json.WriteNumber("slots", status.Slots);
        if (status.TheoryTotal > 0)
        {
            json.WriteStartObject("theory");
            json.WriteNumber("done", status.TheoryDone);
            json.WriteNumber("total", status.TheoryTotal);
            json.WriteNumber("solving", status.TheorySolving);
            json.WriteEndObject();
        }

        if (status.Error is not null)
        {
            json.WriteString("error", status.Error);
        }

        json.WriteString("createdAt", status.CreatedAt);
        json.WriteEndObject();
    }

    public static string ToJson(SweepStatus status)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, status);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

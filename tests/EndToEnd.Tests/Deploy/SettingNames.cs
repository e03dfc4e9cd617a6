using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using ClusterMembershipOptions = Orleans.Configuration.ClusterMembershipOptions;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Warmup;
using ScaleSweep.Grains.Sweeps;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Silo;
using ScaleSweep.Silo.Telemetry;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.EndToEnd.Tests.Deploy;

/// <summary>
/// Environment variable names of the silo's settings (<c>ScaleSweep__Silo__Address</c>) checked against
/// the options classes it binds: a deploy file's misspelt name would be silently ignored by the silo.
/// </summary>
public static class SettingNames
{
    /// <summary>The options class bound to each configuration section the silo reads.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sections = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [SiloOptions.Section] = typeof(SiloOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [WorkerPoolOptions.Section] = typeof(WorkerPoolOptions),
        [DispatchOptions.Section] = typeof(DispatchOptions),
        [WarmupOptions.Section] = typeof(WarmupOptions),
        [SweepLimits.SectionName] = typeof(SweepLimits),
        [TelemetryOptions.Section] = typeof(TelemetryOptions),
        [ScaleSweepSiloHost.MembershipSection] = typeof(ClusterMembershipOptions),
    };

    /// <summary>Whether the name is of the ScaleSweep settings (the only ones checked).</summary>
    public static bool IsScaleSweep(string name) => name.StartsWith("ScaleSweep__", StringComparison.Ordinal);

    /// <summary>
    /// Null when <paramref name="name"/> is a settable property of the options class of its section (same
    /// spelling, case included) and <paramref name="value"/> (when given) converts to its type; else why not.
    /// </summary>
    public static string? Problem(string name, string? value)
    {
        string[] parts = name.Split("__");
        string section = parts.Length >= 2 ? parts[0] + ":" + parts[1] : name;
        if (parts.Length < 3 || !Sections.TryGetValue(section, out Type? type))
        {
            return $"{name}: no options class is bound to section '{section}' (known: {string.Join(", ", Sections.Keys)})";
        }

        PropertyInfo? property = null;
        for (int i = 2; i < parts.Length; i++)
        {
            property = type.GetProperty(parts[i], BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                PropertyInfo? otherCase = type.GetProperty(parts[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                return otherCase is null
                    ? $"{name}: {type.Name} has no property '{parts[i]}'"
                    : $"{name}: spelt '{parts[i]}', the property is '{otherCase.Name}' (the binder ignores case; these files do not)";
            }

            type = property.PropertyType;
        }

        if (property!.SetMethod is not { IsPublic: true })
        {
            return $"{name}: {property.DeclaringType!.Name}.{property.Name} has no public setter, so configuration cannot set it";
        }

        TypeConverter converter = TypeDescriptor.GetConverter(type);
        if (!converter.CanConvertFrom(typeof(string)))
        {
            return $"{name}: {property.DeclaringType!.Name}.{property.Name} is a {type.Name}, not a value one variable can set";
        }

        if (!string.IsNullOrEmpty(value))
        {
            try
            {
                converter.ConvertFromString(null, CultureInfo.InvariantCulture, value);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException || e.InnerException is FormatException or OverflowException)
            {
                return $"{name}: '{value}' is not a {type.Name}";
            }
        }

        return null;
    }
}

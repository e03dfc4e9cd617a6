using System.CommandLine;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// Refuses an option the command does not know where it expects an argument (ID, SPEC): the parser
/// takes "--frob" as the value of an empty argument slot, and `cancel --frob` would otherwise connect to
/// a cluster and look for a sweep named "--frob".
/// </summary>
internal static class NotAnOption
{
    public static T Refusing<T>(this T argument)
        where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1)
                {
                    result.AddError($"Unrecognized command or argument '{token.Value}'; {argument.Name} does not start with '-'.");
                    return;
                }
            }
        });
        return argument;
    }
}

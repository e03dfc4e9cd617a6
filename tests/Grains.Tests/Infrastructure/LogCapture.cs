using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Collects the messages the silos of a test cluster log, so a test can see which path a run took.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public static readonly ConcurrentQueue<string> Messages = new();

    public ILogger CreateLogger(string categoryName) => new Logger();

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }
}

using System;
using System.Runtime.ExceptionServices;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>
/// Runs the hosted rules' work one piece at a time so that one rule failing on one piece of code costs the other rules
/// (and the other connections of the type) nothing: each piece runs, then the first failure is thrown again, with its
/// stack, for the driver to report as AD0001. Cancellation is never held back.
/// </summary>
internal struct RuleFailures
{
    private ExceptionDispatchInfo? _first;

    public void Run<T>(Action<T> action, T argument)
    {
        try
        {
            action(argument);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _first ??= ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Throws the first failure <see cref="Run"/> caught, if any.</summary>
    public readonly void ThrowFirst() => _first?.Throw();
}

using System;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>Thrown when a verifier finds the code under test does not behave as the test expects.</summary>
public sealed class VerificationException(string message) : Exception(message);

namespace NeuralNotebooks.Kernel.Transport;

/// <summary>The kernel's ZeroMQ sockets, as the Jupyter protocol names them (heartbeat is handled inside the transport).</summary>
public enum Channel
{
    /// <summary>Requests from front ends (execute, complete, inspect…) and their replies (ROUTER).</summary>
    Shell,
    /// <summary>Like shell, but never queued behind a running cell: interrupt, shutdown (ROUTER).</summary>
    Control,
    /// <summary>Input requests to the front end and its replies (ROUTER).</summary>
    Stdin,
    /// <summary>Broadcasts: status, outputs, execute_input (PUB).</summary>
    IOPub,
}

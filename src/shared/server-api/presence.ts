/** What an agent is doing, as the workstation reports it (the server adds `disconnected`). */
export const presenceStates = ['available', 'on_call', 'wrap_up', 'break', 'disconnected'] as const;

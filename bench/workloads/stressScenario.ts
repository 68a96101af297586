// A generated lesson for the bench: one server in a ReplyWait loop and N−1 clients that Call it
// forever, in the scenario language, so a long run exercises the whole path (compiler, kernel,
// adapter, panels). The bench opens it through the test bridge (`window.__sim.openText`); the unit
// tests through src/store/testSupport/lessonSource.ts.

/**
 * The scenario text for `threads` threads (1 server + threads−1 clients). The clients call
 * forever (the run ends at the step cap), or `rounds` times each when given (the run then ends by
 * itself: the server waits for a call that never comes).
 */
export function stressScenarioText(threads: number, rounds?: number): string {
  const clients = Array.from({ length: Math.max(1, threads - 1) }, (_, i) => `client${i + 1}`);
  return [
    '// @scenario generated-stress',
    `// @title Generated load: a server and ${clients.length} clients`,
    '// @abi amd64',
    '// @teaches Nothing new: a long run for measuring the visualizer.',
    '// @space srv',
    '// @space apps',
    '// @thread server space=srv priority=100',
    ...clients.map((c) => `// @thread ${c} space=apps priority=100`),
    '#include <l4/ipc.h>',
    '#include <l4/message.h>',
    '',
    'void server(void)',
    '{',
    '    L4_ThreadId_t client;',
    '    L4_MsgTag_t tag;',
    '    L4_Word_t n;',
    '',
    '    tag = L4_Wait(&client);',
    '    for (;;) {',
    '        L4_StoreMR(1, &n);',
    '        L4_LoadMR(0, 1);',
    '        L4_LoadMR(1, n + 1);',
    '        tag = L4_ReplyWait(client, &client);',
    '    }',
    '}',
    '',
    'void client_loop(L4_Word_t start)',
    '{',
    '    L4_Word_t i;',
    '    L4_MsgTag_t tag;',
    '',
    `    for (i = start; ${rounds === undefined ? '' : `i < start + ${Math.max(1, Math.floor(rounds))}`}; i++) {`,
    '        L4_LoadMR(0, 1);',
    '        L4_LoadMR(1, i);',
    '        tag = L4_Call(server);',
    '    }',
    '}',
    '',
    ...clients.flatMap((c, i) => [
      `void ${c}(void)`,
      '{',
      `    client_loop(${(i + 1) * 1000});`,
      '}',
      '',
    ]),
  ].join('\n');
}

// /ask question — the answering sentence from the articles, with numbered citations. A question may follow on from
// the member's previous one in the channel ("where did he say it?"). The answer's 👍/👎 buttons come back here.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { QUESTION_MAX, questionOption } from '../src/discord/options.js';
import { askInConversation, voteButton } from '../src/discord/ask-flow.js';
import { defer, sendForId, takeQuestion } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the story; the answer is quoted from the articles, with sources')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, e.g. who attacked whom?').setRequired(true).setMaxLength(QUESTION_MAX),
    ),
  async execute(interaction, ctx) {
    const question = questionOption(interaction);
    if (!(await takeQuestion(interaction, ctx))) return;
    await defer(interaction);
    const answered = await askInConversation(ctx, question, { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id });
    answered.sent(await sendForId(interaction, answered.reply));
  },
  button: voteButton,
} satisfies Command;

// /ask question — the answering sentence from the articles, with numbered citations.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { QUESTION_MAX, questionOption } from '../src/discord/options.js';
import { answerReply } from '../src/discord/answer.js';
import { defer, send, takeQuestion } from '../src/discord/respond.js';

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
    await send(interaction, answerReply(ctx.engine, question));
  },
} satisfies Command;

import type { FastifyReply, FastifyRequest } from 'fastify';
import t from 'tap';
import { linkNextPage } from '../src/routes/v1/pagination.js';

const linkFor = (url: string, cursor: string | null): string | undefined => {
  let link: string | undefined;
  const reply = { header: (name: string, value: string) => (link = name === 'link' ? value : link) };
  linkNextPage({ url } as FastifyRequest, reply as unknown as FastifyReply, cursor);
  return link;
};

t.test('the next-page link keeps the query as sent and replaces the cursor', async (t) => {
  t.equal(linkFor('/v1/articles', 'abc'), '</v1/articles?cursor=abc>; rel="next"');
  t.equal(linkFor('/v1/articles?limit=5&q=a%20b', 'abc'), '</v1/articles?limit=5&q=a%20b&cursor=abc>; rel="next"');
  t.equal(linkFor('/v1/articles?cursor=old&limit=5&cursor=older', 'new'), '</v1/articles?limit=5&cursor=new>; rel="next"');
  t.equal(linkFor('/v1/articles?limit=5&', 'a+b/='), '</v1/articles?limit=5&cursor=a%2Bb%2F%3D>; rel="next"');
  t.equal(linkFor('/v1/articles?limit=5', null), undefined, 'no link on the last page');
});

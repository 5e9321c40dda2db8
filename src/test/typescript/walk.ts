// A member's first steps through the TypeScript (typescript-fetch) client generated from the committed contract,
// under Node (its global fetch), against the service at the base URL given as the first argument. Prints one line
// per step; TypeScriptClientWalkTest checks them. Exits 1 on any unexpected answer.
import {
    CheckInsApi,
    Configuration,
    IdentityApi,
    LeaderboardsApi,
    Problem,
    ResponseError,
} from '../../../target/generated-clients/typescript';

declare const process: { argv: string[]; exitCode?: number };

async function walk(basePath: string): Promise<void> {
    const tokens = await new IdentityApi(new Configuration({ basePath }))
        .signInAsDemoPerson({ demoSignIn: { externalId: 'DEMO-1025' } });
    // TokenPair lists no required properties in the contract yet, so accessToken is typed optional.
    const accessToken = tokens.accessToken;
    if (!accessToken) {
        throw new Error('no access token');
    }
    console.log(`signed in: ${accessToken.length > 0}`);

    const config = new Configuration({ basePath, accessToken });
    const materials = await new CheckInsApi(config).listStudyMaterials({ limit: 20 });
    console.log(`materials: ${materials.items.length}`);
    console.log(`first material: ${materials.items[0]?.title ?? '(none)'}`);

    try {
        await new LeaderboardsApi(config).getPeopleBoard({ id: '00000000-0000-4000-8000-000000000000' });
        console.log('refused: no');
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        const problem: Problem = await e.response.json();
        console.log(`refused: ${e.response.status} ${e.response.headers.get('Content-Type')} ${problem.code}`);
    }
}

walk(process.argv[2]).catch((e: unknown) => {
    console.error(e instanceof ResponseError ? `unexpected ${e.response.status} from ${e.response.url}` : e);
    process.exitCode = 1;
});
